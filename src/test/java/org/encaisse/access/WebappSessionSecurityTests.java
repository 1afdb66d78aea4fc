package org.encaisse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.encaisse.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webapps' session: a cookie scripts cannot read nor other sites send, and writes that need the CSRF token. */
@EncaisseTest
class WebappSessionSecurityTests {

    private static final String LOGOUT = "/camunda/api/admin/auth/user/default/logout";

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        String collector = api.user(Groups.COLLECTORS);
        HttpResponse<String> login = WebappSession.open(port, "tasklist").login("tasklist", collector,
                Api.passwordOf(collector));
        assertThat(login.statusCode()).isEqualTo(200);
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsRefused() {
        String collector = api.user(Groups.COLLECTORS);
        WebappSession forged = WebappSession.open(port, "tasklist");
        assertThat(forged.login("tasklist", collector, Api.passwordOf(collector)).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = forged.withoutCsrfToken().send("POST", LOGOUT, null, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");

        WebappSession genuine = WebappSession.open(port, "tasklist");
        assertThat(genuine.login("tasklist", collector, Api.passwordOf(collector)).statusCode()).isEqualTo(200);
        assertThat(genuine.send("POST", LOGOUT, null, null).statusCode()).isEqualTo(200);
        assertThat(genuine.engine("GET", "/task/count", null).statusCode()).as("logged out").isEqualTo(401);
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() {
        String collector = api.user(Groups.COLLECTORS);
        HttpResponse<String> forged = WebappSession.open(port, "tasklist").withoutCsrfToken()
                .login("tasklist", collector, Api.passwordOf(collector));
        assertThat(forged.statusCode()).isEqualTo(403);
    }
}
