package cn.cm135.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import cn.cm135.organization.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two doors into the same engine. {@code /api/**} and {@code /engine-rest/**} take HTTP Basic,
 * checked against Camunda's users, and run each request as that Camunda user so the engine's
 * authorizations decide what a customer manager or market manager sees. Everything under
 * {@code /camunda/**} is left to the webapps, which have their own login and CSRF protection.
 * The report pages under {@code /reports} take either: the webapps' login of the same browser (a link
 * from a Tasklist form) or HTTP Basic (scripts); which reports a user may see is decided by the report
 * feature ({@code cn.cm135.report.ReportAccess}).
 */
@Configuration
class SecurityConfig {

    private static final String REPORT_LOGIN_HINT = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
            + "<title>请先登录</title></head><body><p>请先登录<a href=\"/camunda/app/tasklist/\">任务列表</a>，"
            + "再从任务表单打开报表链接；脚本请使用 HTTP Basic。</p></body></html>";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        // Path matchers, not MVC matchers: /engine-rest is Jersey's servlet, outside Spring MVC.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path.matcher("/api/me/password")).authenticated()
                        .requestMatchers(path.matcher("/api/imports/**"), path.matcher("/api/cycles/**"))
                        .hasAnyAuthority(Groups.ADMIN, Groups.MARKETING_CENTRE)
                        .requestMatchers(engineRest(path, HttpMethod.GET, MONITORING))
                        .hasAnyAuthority(Groups.ADMIN, Groups.MARKETING_CENTRE)
                        .requestMatchers(engineRest(path, null, ADMIN_ONLY))
                        .hasAuthority(Groups.ADMIN)
                        .requestMatchers(engineRest(path, null, START))
                        .hasAuthority(Groups.ADMIN)
                        .requestMatchers(writes(path, "user", "group", "tenant"))
                        .hasAuthority(Groups.ADMIN)
                        .anyRequest().access(SecurityConfig::passwordChanged));
        return statelessBasic(http, identityService).build();
    }

    /** HTTP Basic checked against Camunda's users, run as that Camunda user, no session, refusals explained. */
    private static HttpSecurity statelessBasic(HttpSecurity http, IdentityService identityService) throws Exception {
        return http.exceptionHandling(e -> e.accessDeniedHandler(SecurityConfig::explainRefusal))
                .httpBasic(basic -> basic.realmName("cm135"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic-auth clients carry no cookies, so CSRF tokens protect nothing here; a browser that
                // replays cached Basic credentials for another site's page is stopped by CrossSiteWriteFilter.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteWriteFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new CamundaAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
    }

    /**
     * Engine resources Tasklist never calls. A customer or market manager works through tasks, filters and
     * their forms; correlating messages, broadcasting signals, reading every instance's variables, jobs,
     * metrics, telemetry, deploying, moving executions, batches, incidents and authorizations are for
     * administrators (Camunda's authorizations do not cover them all: messages, signals and telemetry have none).
     */
    static final List<String> ADMIN_ONLY = List.of("message", "signal", "telemetry", "deployment", "execution",
            "external-task", "batch", "incident", "authorization", "variable-instance", "job", "job-definition",
            "metrics", "history", "migration", "modification", "condition", "event-subscription", "schema",
            "decision-definition", "decision-requirements-definition");
    /** Of those, what the marketing centre reads to follow the month (GET only). */
    static final List<String> MONITORING = List.of("history", "variable-instance", "incident", "job",
            "job-definition", "metrics", "deployment", "execution", "batch");
    /** Starting an instance by hand: months are started by the schedule or POST /api/cycles. */
    static final List<String> START = List.of("process-definition/*/start", "process-definition/key/*/start",
            "process-definition/key/*/tenant-id/*/start", "process-definition/*/submit-form",
            "process-definition/key/*/submit-form", "process-instance/*/modification", "process-instance/*/variables/**",
            "process-instance/delete", "process-instance/suspended", "process-definition/*/suspended");

    /** Where the engine REST API is served to scripts: with and without the /engine/{name} prefix. */
    private static final List<String> ENGINE_REST = List.of("/engine-rest/", "/engine-rest/engine/*/");
    /** Where the webapps (Tasklist, Cockpit, Admin, welcome) reach the same API with their login. */
    private static final List<String> WEBAPP_ENGINE = List.of("/camunda/api/engine/engine/*/");

    private static RequestMatcher engineRest(PathPatternRequestMatcher.Builder path, HttpMethod method,
            List<String> resources) {
        return engineApi(path, ENGINE_REST, method, resources);
    }

    private static RequestMatcher engineApi(PathPatternRequestMatcher.Builder path, List<String> prefixes,
            HttpMethod method, List<String> resources) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String resource : resources) {
            for (String prefix : prefixes) {
                matchers.add(path.matcher(method, prefix + resource));
                if (!resource.endsWith("**")) {
                    matchers.add(path.matcher(method, prefix + resource + "/**"));
                }
            }
        }
        return new OrRequestMatcher(matchers);
    }

    /** Creating, changing or deleting users, groups and tenants: the organisation import and Admin do that. */
    private static RequestMatcher writes(PathPatternRequestMatcher.Builder path, String... resources) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
            matchers.add(engineRest(path, method, List.of(resources)));
        }
        return new OrRequestMatcher(matchers);
    }

    private static AuthorizationDecision passwordChanged(Supplier<Authentication> user, RequestAuthorizationContext context) {
        Authentication authentication = user.get();
        boolean allowed = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) && !mustChangePassword(authentication);
        return new AuthorizationDecision(allowed);
    }

    private static boolean mustChangePassword(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> CamundaAuthenticationProvider.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
    }

    /** A 403 says why, in the same {@code ApiError} shape as the API's other refusals. */
    private static void explainRefusal(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException e) throws IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String message = user != null && mustChangePassword(user)
                ? "请先修改初始密码：PUT /api/me/password，或登录 /camunda/app/welcome/ 在个人资料中修改"
                : "没有权限执行此操作";
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"status\":403,\"field\":null,\"message\":\"" + message + "\"}");
    }

    @Bean
    @Order(2)
    SecurityFilterChain reportSecurity(HttpSecurity http, ProcessEngine engine, CamundaAuthenticationProvider users)
            throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/reports"), path.matcher("/reports/**")));
        return sessionOrBasic(http, engine, users).build();
    }

    /**
     * The API's description and Swagger UI ({@code /api/docs}, springdoc): read like the reports, with the
     * Tasklist login of the same browser or HTTP Basic; "Try it out" then calls the API itself with Basic.
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http, ProcessEngine engine, CamundaAuthenticationProvider users)
            throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/api/docs"), path.matcher("/api/docs/**"),
                path.matcher("/api/swagger-ui/**")));
        return sessionOrBasic(http, engine, users).build();
    }

    /** Read-only pages for people signed in to the webapps, or for scripts with HTTP Basic. */
    private static HttpSecurity sessionOrBasic(HttpSecurity http, ProcessEngine engine,
            CamundaAuthenticationProvider users) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().access(SecurityConfig::passwordChanged))
                .exceptionHandling(e -> e.accessDeniedHandler(SecurityConfig::explainRefusal)
                        .authenticationEntryPoint(SecurityConfig::askToLogIn))
                .httpBasic(basic -> basic.realmName("cm135").authenticationEntryPoint(SecurityConfig::askToLogIn))
                // Never create a session, and never rotate the webapps' one: its id changing would log the
                // user out of Tasklist (session fixation protection belongs to the login, which Camunda does).
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // Read-only pages; the session door accepts GET only (CamundaSessionAuthenticationFilter).
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CamundaSessionAuthenticationFilter(engine.getName(), engine.getIdentityService(),
                        users), BasicAuthenticationFilter.class);
    }

    /** 401 for a report without a login: Basic for scripts, and a 中文 pointer to Tasklist for people. */
    private static void askToLogIn(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"cm135\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(REPORT_LOGIN_HINT);
    }

    /** Health is public (load balancers ask it); metrics and the rest of Actuator are for administrators. */
    @Bean
    @Order(3)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(path.matcher("/actuator/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**")).permitAll()
                        .anyRequest().hasAuthority(Groups.ADMIN));
        return statelessBasic(http, identityService).build();
    }

    /**
     * The webapps' engine API ({@code /camunda/api/engine}), which a signed-in person can also call from the
     * browser's console with the session and its CSRF token. Tasklist needs tasks, filters, forms, the task's
     * history and the authorization check; Cockpit (market managers, the marketing centre) reads instances,
     * variables, incidents and jobs, which Camunda's authorizations narrow to the team. This chain refuses the
     * rest as the {@code /engine-rest} chain does: for customer managers everything Tasklist never calls, for
     * everyone outside {@code camunda-admin} the resources without an authorization of their own and starting
     * instances by hand. It never authenticates anyone: requests without a webapp login go on to Camunda,
     * which answers 401, and the webapps' own CSRF filter still guards every write.
     */
    @Bean
    @Order(4)
    SecurityFilterChain webappEngineSecurity(HttpSecurity http, ProcessEngine engine,
            CamundaAuthenticationProvider users) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(path.matcher("/camunda/api/engine/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(engineApi(path, WEBAPP_ENGINE, HttpMethod.GET,
                                List.of("history", "authorization/check")))
                        .permitAll()
                        .requestMatchers(engineApi(path, WEBAPP_ENGINE, HttpMethod.GET, List.of("metrics")))
                        .hasAnyAuthority(Groups.ADMIN, Groups.MARKETING_CENTRE)
                        .requestMatchers(engineApi(path, WEBAPP_ENGINE, HttpMethod.GET, COCKPIT_READS))
                        .hasAnyAuthority(Groups.ADMIN, Groups.MARKETING_CENTRE, Groups.MARKET_MANAGERS)
                        .requestMatchers(engineApi(path, WEBAPP_ENGINE, null, ADMIN_ONLY)).hasAuthority(Groups.ADMIN)
                        .requestMatchers(engineApi(path, WEBAPP_ENGINE, null, START)).hasAuthority(Groups.ADMIN)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler(SecurityConfig::explainRefusal))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // Camunda's CsrfPreventionFilter guards /camunda/api; a second token scheme would break the webapps.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(CamundaSessionAuthenticationFilter.anyMethod(engine.getName(),
                        engine.getIdentityService(), users), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** What Cockpit reads about instances, narrowed by Camunda's authorizations to what the user may see. */
    static final List<String> COCKPIT_READS = List.of("variable-instance", "incident", "job", "job-definition",
            "deployment", "execution", "batch", "decision-definition", "decision-requirements-definition");

    @Bean
    @Order(5)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }
}
