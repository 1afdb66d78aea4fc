package org.encaisse.customer;

import java.math.BigInteger;
import java.util.Locale;

/** IBANs as banks print them ("FR76 3000 ...") and as they are compared (no spaces, upper case). */
public final class Ibans {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Ibans() {
    }

    public static String normalized(String iban) {
        return iban == null ? "" : iban.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** ISO 13616: two letters, two check digits, up to 30 letters or digits, and the check digits right (mod 97). */
    public static boolean isValid(String iban) {
        String value = normalized(iban);
        if (!value.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        String rearranged = value.substring(4) + value.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
