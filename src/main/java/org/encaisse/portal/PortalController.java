package org.encaisse.portal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.encaisse.customer.PortalLinks;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

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
    private final PortalDisputes disputes;
    private final org.encaisse.payment.AnnouncedPayments payments;
    private final PortalPromises promises;
    private final PortalPlanRequests plans;

    PortalController(PortalLinks links, PortalDesk desk, PortalDisputes disputes,
                     org.encaisse.payment.AnnouncedPayments payments, PortalPromises promises, PortalPlanRequests plans) {
        this.plans = plans;
        this.promises = promises;
        this.payments = payments;
        this.disputes = disputes;
        this.links = links;
        this.desk = desk;
    }

    /** The page; asking for the CSRF token sets its cookie, which the page's forms send back as a header. */
    @GetMapping(path = "/portal/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> page(@PathVariable String token, CsrfToken csrf) {
        if (links.resolve(token).isEmpty()) {
            return notValid(MediaType.TEXT_PLAIN);
        }
        csrf.getToken();
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    @GetMapping("/portal/{token}/account")
    ResponseEntity<?> account(@PathVariable String token, HttpServletRequest request) {
        return links.resolve(token).<ResponseEntity<?>>map(access -> ResponseEntity.ok(desk.account(access,
                request.getRemoteAddr()))).orElseGet(() -> notValid(MediaType.TEXT_PLAIN));
    }

    @GetMapping("/portal/{token}/statement.pdf")
    ResponseEntity<?> statement(@PathVariable String token, HttpServletRequest request) {
        return links.resolve(token).<ResponseEntity<?>>map(access -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename("releve-de-compte.pdf").build()
                                .toString())
                .body(desk.statement(access, request.getRemoteAddr())))
                .orElseGet(() -> notValid(MediaType.TEXT_PLAIN));
    }

    /** A dispute on one of the customer's own invoices, with up to three documents (PDF, PNG, JPEG). */
    @PostMapping(path = "/portal/{token}/disputes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> dispute(@PathVariable String token, @RequestParam(required = false) String invoiceNumber,
                              @RequestParam(required = false) String category,
                              @RequestParam(required = false) String comment,
                              @RequestParam(name = "files", required = false) List<MultipartFile> files,
                              HttpServletRequest request) {
        return links.resolve(token).<ResponseEntity<?>>map(access -> ResponseEntity.status(HttpStatus.CREATED)
                .body(disputes.open(access, request.getRemoteAddr(), invoiceNumber, category, comment, files)))
                .orElseGet(() -> notValid(MediaType.TEXT_PLAIN));
    }

    /** "We already paid": date, amount, the transfer's reference, the invoices it paid; collectors check it. */
    @PostMapping(path = "/portal/{token}/payment-announcements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> paymentAnnounced(@PathVariable String token, @RequestParam(required = false) String paidOn,
                                       @RequestParam(required = false) String amount,
                                       @RequestParam(required = false) String bankReference,
                                       @RequestParam(name = "invoiceNumbers", required = false) List<String> invoiceNumbers,
                                       HttpServletRequest request) {
        return links.resolve(token).<ResponseEntity<?>>map(access -> {
            var announced = payments.announce(access.customerId(), paidOn, amount, bankReference, invoiceNumbers,
                    PortalDesk.actor(access, request.getRemoteAddr()));
            return ResponseEntity.status(HttpStatus.CREATED).body(java.util.Map.of("id", announced.getId(),
                    "status", announced.getStatus().name()));
        }).orElseGet(() -> notValid(MediaType.TEXT_PLAIN));
    }

    /** A date and an amount the customer promises to pay; the answer says whether the case took it or a collector decides. */
    @PostMapping(path = "/portal/{token}/promises", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> promise(@PathVariable String token, @RequestParam(required = false) String promisedDate,
                              @RequestParam(required = false) String promisedAmount, HttpServletRequest request) {
        return links.resolve(token).<ResponseEntity<?>>map(access -> ResponseEntity.status(HttpStatus.CREATED)
                .body(java.util.Map.of("status", promises.promise(access, request.getRemoteAddr(), promisedDate,
                        promisedAmount).name())))
                .orElseGet(() -> notValid(MediaType.TEXT_PLAIN));
    }

    /** A payment plan: how many monthly installments, from when, and the customer's words. */
    @PostMapping(path = "/portal/{token}/plan-requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> planRequest(@PathVariable String token, @RequestParam(required = false) String installmentCount,
                                  @RequestParam(required = false) String firstInstallmentDate,
                                  @RequestParam(required = false) String comment, HttpServletRequest request) {
        return links.resolve(token).<ResponseEntity<?>>map(access -> {
            plans.ask(access, request.getRemoteAddr(), installmentCount, firstInstallmentDate, comment);
            return ResponseEntity.status(HttpStatus.CREATED).body(java.util.Map.of("status", "PLAN_REQUESTED"));
        }).orElseGet(() -> notValid(MediaType.TEXT_PLAIN));
    }

    private static ResponseEntity<String> notValid(MediaType type) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(type, java.nio.charset.StandardCharsets.UTF_8))
                .body(NOT_VALID);
    }
}
