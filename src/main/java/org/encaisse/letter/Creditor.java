package org.encaisse.letter;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The company that sends the letters: its letterhead, where to pay, who signs. */
@ConfigurationProperties("encaisse.creditor")
public record Creditor(String name, String address, String companyId, String email, String phone, String iban,
                       String bic, String signatory, String signatoryTitle, String city) {
}
