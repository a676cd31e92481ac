package cn.cm135.security;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Lets a user who is logged in to Tasklist (or Cockpit, Admin, the welcome page) open a report link from a
 * form in the same browser without logging in again. The Camunda webapps keep their login in the servlet
 * session (cookie path "/", so the browser sends it to {@code /reports} too) as {@link Authentications};
 * this filter reads the user id of the engine's login from an existing session, never creates one, and
 * signs the request in with that user's current groups, read from the identity service (a user deleted
 * since the login gets nothing). Only for read-only GET pages: it is not a CSRF-safe door for writes.
 */
class CamundaSessionAuthenticationFilter extends OncePerRequestFilter {

    private final String engineName;
    private final IdentityService identityService;
    private final CamundaAuthenticationProvider users;

    CamundaSessionAuthenticationFilter(String engineName, IdentityService identityService,
            CamundaAuthenticationProvider users) {
        this.engineName = engineName;
        this.identityService = identityService;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && (current == null || !current.isAuthenticated()) && "GET".equals(request.getMethod())) {
            Authentication login = AuthenticationUtil.getAuthsFromSession(session)
                    .getAuthenticationForProcessEngine(engineName);
            String userId = login == null ? null : login.getIdentityId();
            if (userId != null && identityService.createUserQuery().userId(userId).count() == 1) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(users.authenticated(userId));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
