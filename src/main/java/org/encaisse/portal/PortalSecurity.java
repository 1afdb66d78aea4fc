package org.encaisse.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The portal is open to whoever holds a valid link, and to nobody else: no login, the token is the key. Its pages
 * send no referrer (the token is in the address), are never cached, load nothing from elsewhere, and cannot be
 * framed; forms carry a CSRF token; each link and each address is rate-limited.
 */
@Configuration
class PortalSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain portal(HttpSecurity http,
                               @Value("${encaisse.portal.requests-per-minute-per-link:30}") int perLink,
                               @Value("${encaisse.portal.requests-per-minute-per-address:60}") int perAddress)
            throws Exception {
        return http
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/portal/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The page's script reads the cookie and sends it back as X-XSRF-TOKEN: the plain handler, not the
                // masked one meant for server-rendered forms.
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")))
                .addFilterBefore(new PortalRateLimits(perLink, perAddress), SecurityContextHolderFilter.class)
                .build();
    }
}
