package org.encaisse.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.encaisse.customer.PortalLinks;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's page behind its personal link, and what the page reads. A wrong, expired or revoked link gets the
 * same 404 and the same words, so that no answer tells a guessed token from a stale one.
 */
@RestController
class PortalController {

    static final String NOT_VALID = "Ce lien n'est pas ou plus valable. Utilisez celui de notre dernier courrier, ou "
            + "répondez à notre email pour en recevoir un nouveau. / This link is not valid (any more). Use the one in "
            + "our latest letter, or reply to our email to get a new one.";

    private static final Resource PAGE = new ClassPathResource("portal/portal.html");

    private final PortalLinks links;
    private final PortalDesk desk;

    PortalController(PortalLinks links, PortalDesk desk) {
        this.links = links;
        this.desk = desk;
    }

    @GetMapping(path = "/portal/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> page(@PathVariable String token) {
        if (links.resolve(token).isEmpty()) {
            return notValid(MediaType.TEXT_PLAIN);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    @GetMapping("/portal/{token}/account")
    ResponseEntity<?> account(@PathVariable String token, HttpServletRequest request) {
        return links.resolve(token).<ResponseEntity<?>>map(access -> ResponseEntity.ok(desk.account(access,
                request.getRemoteAddr()))).orElseGet(() -> notValid(MediaType.TEXT_PLAIN));
    }

    private static ResponseEntity<String> notValid(MediaType type) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(type, java.nio.charset.StandardCharsets.UTF_8))
                .body(NOT_VALID);
    }
}
