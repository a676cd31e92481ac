package cn.cm135.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import cn.cm135.organization.Groups;

/**
 * Two doors into the same engine. {@code /api/**} and {@code /engine-rest/**} take HTTP Basic,
 * checked against Camunda's users, and run each request as that Camunda user so the engine's
 * authorizations decide what a customer manager or market manager sees. Everything under
 * {@code /camunda/**} is left to the webapps, which have their own login and CSRF protection.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        // Path matchers, not MVC matchers: /engine-rest is Jersey's servlet, outside Spring MVC.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path.matcher("/api/imports/**"), path.matcher("/api/cycles/**"))
                        .hasAnyAuthority(Groups.ADMIN, Groups.MARKETING_CENTRE)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("cm135"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic-auth clients carry no cookies, so CSRF tokens protect nothing here.
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new CamundaAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }
}
