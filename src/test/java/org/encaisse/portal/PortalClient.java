package org.encaisse.portal;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

/** Posts a portal form as the page does: the CSRF cookie the page set, sent back as the X-XSRF-TOKEN header. */
final class PortalClient {

    private final TestRestTemplate http;

    PortalClient(TestRestTemplate http) {
        this.http = http;
    }

    ResponseEntity<JsonNode> post(String token, String action, MultiValueMap<String, Object> form, boolean withCsrf) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        if (withCsrf) {
            ResponseEntity<String> page = http.getForEntity("/portal/" + token, String.class);
            String cookie = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                    .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
            String value = cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
            headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + value);
            headers.add("X-XSRF-TOKEN", value);
        }
        return http.postForEntity("/portal/" + token + "/" + action, new HttpEntity<>(form, headers), JsonNode.class);
    }
}
