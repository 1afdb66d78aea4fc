package org.encaisse.bank;

import java.util.List;

import org.encaisse.customer.Ibans;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The company's own bank accounts ({@code encaisse.bank.accounts}, IBANs): a statement of any other account
 * (a subsidiary's, a director's, sent by mistake) is listed back, not recorded. With none configured, every
 * statement is taken, and the import says so.
 */
@ConfigurationProperties("encaisse.bank")
record BankAccounts(List<String> accounts) {

    BankAccounts {
        accounts = accounts == null ? List.of() : accounts.stream().map(Ibans::normalized).filter(s -> !s.isEmpty()).toList();
        for (String iban : accounts) {
            if (!Ibans.isValid(iban)) {
                throw new IllegalArgumentException("encaisse.bank.accounts: '" + iban + "' is not a valid IBAN "
                        + "(check digits wrong or characters missing)");
            }
        }
    }

    boolean configured() {
        return !accounts.isEmpty();
    }

    /**
     * Whether a statement's account is one of ours: an IBAN (CAMT.053) compared whole, or the bank, branch and
     * account number of a CFONB 120 record compared with what a French IBAN holds after "FRkk".
     */
    boolean isOurs(String account) {
        if (!configured()) {
            return true;
        }
        String normalized = Ibans.normalized(account);
        return accounts.stream().anyMatch(iban -> iban.equals(normalized)
                || (iban.startsWith("FR") && iban.length() == 27 && iban.substring(4, 25).equals(normalized)));
    }
}
