package cn.cm135.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CSRF protection of the HTTP Basic door ({@code /api}, {@code /engine-rest}). A browser that once answered the
 * Basic prompt replays the credentials on every request to this host, also when a page of another site posts a
 * form here (an import file, a month kick-off); a CSRF token cannot help a stateless client. Browsers say where a
 * request comes from ({@code Sec-Fetch-Site}, {@code Origin}); scripts (curl, ETL jobs) send neither. So a write
 * is refused when the browser reports another site, and passes when it reports this one or nothing at all.
 */
class CrossSiteWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && crossSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":403,\"field\":null,\"message\":\"拒绝来自其他网站的修改请求："
                    + "请在 cm135 的页面中操作，或用脚本直接调用接口\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return "cross-site".equals(fetchSite) || "same-site".equals(fetchSite);
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI from = URI.create(origin);
            // Behind a proxy the Host header is the public one (forward-headers-strategy), as the browser saw it.
            return !request.getServerName().equalsIgnoreCase(from.getHost()) || port(from) != request.getServerPort();
        } catch (IllegalArgumentException e) {
            return true; // "null" (sandboxed frames, file:) or garbage: not this site
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
