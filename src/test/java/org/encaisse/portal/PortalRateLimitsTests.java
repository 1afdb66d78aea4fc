package org.encaisse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The portal's limits per address and per link, on the filter alone. */
class PortalRateLimitsTests {

    private final PortalRateLimits limits = new PortalRateLimits(5, 8);

    @Test
    void anAddressTryingManyLinksIsStoppedAtItsOwnLimit() throws Exception {
        AtomicInteger passed = new AtomicInteger();
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            if (call("10.0.0.7", "/portal/link" + i + "/account", passed) == 429) {
                refused++;
            }
        }
        assertThat(passed).hasValue(8);
        assertThat(refused).isEqualTo(12);
        // Another address is not held back by this one.
        assertThat(call("10.0.0.8", "/portal/other/account", passed)).isEqualTo(200);
    }

    @Test
    void oneLinkCalledFromManyAddressesIsStoppedAtTheLinksLimit() throws Exception {
        AtomicInteger passed = new AtomicInteger();
        for (int i = 0; i < 9; i++) {
            call("10.0.1." + i, "/portal/samelink", passed);
        }
        assertThat(passed).hasValue(5);
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/samelink/account");
        request.setRemoteAddr("10.0.2.1");
        limits.doFilter(request, refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    }

    @Test
    void theLinkIsTheSegmentAfterPortal() {
        assertThat(PortalRateLimits.linkOf("/portal/abc/account")).isEqualTo("abc");
        assertThat(PortalRateLimits.linkOf("/portal/abc")).isEqualTo("abc");
        assertThat(PortalRateLimits.linkOf("/portal")).isNull();
    }

    private int call(String address, String uri, AtomicInteger passed) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.doFilter(request, response, (req, res) -> passed.incrementAndGet());
        return response.getStatus();
    }
}
