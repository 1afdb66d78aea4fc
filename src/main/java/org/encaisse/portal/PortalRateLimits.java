package org.encaisse.portal;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the portal, per link and per address, so that nobody can try tokens in bulk or hammer one
 * customer's page: token buckets (Bucket4j) in caches that forget an idle key and hold a bounded number of them.
 * A request over either limit gets 429 with Retry-After and never reaches the page.
 */
class PortalRateLimits extends OncePerRequestFilter {

    private static final int KEYS = 100_000;

    private final Cache<String, Bucket> byLink;
    private final Cache<String, Bucket> byAddress;
    private final int perLinkPerMinute;
    private final int perAddressPerMinute;

    PortalRateLimits(int perLinkPerMinute, int perAddressPerMinute) {
        this.perLinkPerMinute = perLinkPerMinute;
        this.perAddressPerMinute = perAddressPerMinute;
        this.byLink = Caffeine.newBuilder().maximumSize(KEYS).expireAfterAccess(Duration.ofMinutes(10)).build();
        this.byAddress = Caffeine.newBuilder().maximumSize(KEYS).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String link = linkOf(request.getRequestURI());
        boolean allowed = bucket(byAddress, request.getRemoteAddr(), perAddressPerMinute).tryConsume(1)
                && (link == null || bucket(byLink, link, perLinkPerMinute).tryConsume(1));
        if (!allowed) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Trop de demandes : réessayez dans une minute. / Too many requests: try again in a minute.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The token's segment of /portal/{token}/…, whatever it is: a wrong token is limited as much as a right one. */
    static String linkOf(String uri) {
        String[] segments = uri.split("/");
        return segments.length > 2 && "portal".equals(segments[1]) ? segments[2] : null;
    }

    private static Bucket bucket(Cache<String, Bucket> buckets, String key, int perMinute) {
        return buckets.get(key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }
}
