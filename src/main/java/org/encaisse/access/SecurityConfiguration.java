package org.encaisse.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The JSON API, the engine's REST API and the pages under /app (which call the JSON API) take HTTP
 * Basic against Camunda's users. The webapps
 * (Tasklist, Cockpit, Admin) keep their own login page, session and CSRF protection.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthentication camundaUsers) {
        return new ProviderManager(camundaUsers);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apis(HttpSecurity http, IdentityService identity, ProcessEngine engine) throws Exception {
        String[] writers = Groups.WRITERS.stream().map(Groups::authority).toArray(String[]::new);
        // Path patterns on the whole request path: the engine's REST API is a Jersey servlet, not Spring MVC.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http
                .securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"),
                        paths.matcher("/actuator/**"), paths.matcher("/app/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher("/actuator/health/**"), paths.matcher("/actuator/info")).permitAll()
                        .requestMatchers(paths.matcher("/actuator/**")).hasAuthority(Groups.authority(Groups.MANAGERS))
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/**")).authenticated()
                        .requestMatchers(paths.matcher("/api/aging-runs"), paths.matcher("/api/process-migrations"),
                                paths.matcher("/api/insurance-covers"), paths.matcher("/api/imports/insurance-covers"),
                                paths.matcher("/api/customers/*/insurance-cover"),
                                paths.matcher("/api/customers/*/portal-links/revocation"))
                        .hasAuthority(Groups.authority(Groups.MANAGERS))
                        .requestMatchers(paths.matcher("/api/**")).hasAnyAuthority(writers)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Encaisse"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic-auth calls carry no cookie a forged page could ride on.
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new EngineAuthenticationFilter(identity, paths.matcher("/engine-rest/**")),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new VariableTypeGuard(engine), EngineAuthenticationFilter.class)
                .addFilterAfter(new PasswordPolicyGuard(identity), VariableTypeGuard.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webapps(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // Camunda's webapps run their own authentication and CSRF filter.
                .csrf(csrf -> csrf.disable())
                .headers(Customizer.withDefaults())
                .build();
    }
}
