package cn.cm135.security;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.cm135.organization.InitialPasswordPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Webapp logins: a user who still has an imported initial password may only log in to the
 * welcome app, whose profile page changes the password; Tasklist, Cockpit and Admin refuse them.
 */
@Configuration
class InitialPasswordLoginFilter {

    private static final String LOGIN_PATH = "/camunda/api/admin/auth/user/default/login/";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> initialPasswordLogin(InitialPasswordPolicy policy) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                String user = request.getParameter("username");
                if (path.startsWith(LOGIN_PATH) && !path.endsWith("/welcome") && user != null
                        && policy.mustChangePassword(user)) {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    response.setContentType("application/json;charset=UTF-8");
                    response.getWriter().write("{\"type\":\"InitialPassword\",\"message\":"
                            + "\"请先登录 /camunda/app/welcome/ 修改初始密码\"}");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(LOGIN_PATH + "*");
        return registration;
    }
}
