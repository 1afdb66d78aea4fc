package org.encaisse.access;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls its REST API, so that engine authorizations and history ("who
 * completed this task") see the real user rather than nobody. Encaisse's own API is left out: its
 * calls are checked by the rules of {@link SecurityConfiguration}, and what the engine does on
 * their behalf (correlating a payment, starting a dispute) is the application's doing, which a
 * collector holds no engine permission for.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identity;
    private final RequestMatcher engineApi;

    EngineAuthenticationFilter(IdentityService identity, RequestMatcher engineApi) {
        this.identity = identity;
        this.engineApi = engineApi;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !engineApi.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_"))
                .map(authority -> authority.substring("GROUP_".length()))
                .toList();
        identity.setAuthentication(authentication.getName(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
