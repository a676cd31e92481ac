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
 * since the login gets nothing). Only for read-only GET pages: it is not a CSRF-safe door for writes — except
 * {@link #anyMethod} in front of the webapps' own engine API, where the sign-in only lets Spring Security refuse
 * a call (the request itself is then executed by Camunda with its login and its CSRF check).
 */
class CamundaSessionAuthenticationFilter extends OncePerRequestFilter {

    private final String engineName;
    private final IdentityService identityService;
    private final CamundaAuthenticationProvider users;

    private final boolean getOnly;

    CamundaSessionAuthenticationFilter(String engineName, IdentityService identityService,
            CamundaAuthenticationProvider users) {
        this(engineName, identityService, users, true);
    }

    private CamundaSessionAuthenticationFilter(String engineName, IdentityService identityService,
            CamundaAuthenticationProvider users, boolean getOnly) {
        this.engineName = engineName;
        this.identityService = identityService;
        this.users = users;
        this.getOnly = getOnly;
    }

    /** For a chain that only refuses: signs in requests of every method, to refuse writes too. */
    static CamundaSessionAuthenticationFilter anyMethod(String engineName, IdentityService identityService,
            CamundaAuthenticationProvider users) {
        return new CamundaSessionAuthenticationFilter(engineName, identityService, users, false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && (current == null || !current.isAuthenticated()) && (!getOnly || "GET".equals(request.getMethod()))) {
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
