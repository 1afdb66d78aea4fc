package org.encaisse.payment;

import java.security.Principal;
import java.util.concurrent.ThreadLocalRandom;

import org.encaisse.input.BusyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PaymentController {

    /**
     * Two posts of the same bank line, a payment racing another on the same invoice, a deadlock or
     * a lock wait behind a letter being sent (SMTP timeouts bound it to about 40 s) settle on a retry.
     */
    private static final int ATTEMPTS = 6;

    private final PaymentRecording recording;
    private final PaymentReceipts receipts;

    PaymentController(PaymentRecording recording, PaymentReceipts receipts) {
        this.recording = recording;
        this.receipts = receipts;
    }

    @PostMapping(path = "/api/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentReceipt> record(@RequestBody PaymentRequest request, Principal user) {
        for (int attempt = 1; ; attempt++) {
            try {
                PaymentRecording.Outcome outcome = recording.record(request, user.getName());
                return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.receipt());
            } catch (RuntimeException raced) {
                if (!TransientFailures.isTransient(raced)) {
                    throw raced;
                }
                if (attempt == ATTEMPTS) {
                    throw new BusyException("The customer's account stayed busy with concurrent work through "
                            + ATTEMPTS + " attempts (" + raced.getClass().getSimpleName() + "); nothing was recorded. "
                            + "Send the same payment again.", raced);
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @GetMapping("/api/customers/{externalId}/payments")
    java.util.List<PaymentReceipt> ofCustomer(@PathVariable String externalId) {
        return receipts.ofCustomer(externalId);
    }

    @GetMapping("/api/payments/{bankReference}")
    PaymentReceipt get(@PathVariable String bankReference) {
        return receipts.byReference(bankReference);
    }
}
