package org.encaisse.customer;

import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/** French SIREN and SIRET numbers (Luhn-checked) and EU VAT numbers. */
final class CompanyIds {

    private static final Pattern SIREN_OR_SIRET = Pattern.compile("\\d{9}|\\d{14}");
    private static final Pattern VAT = Pattern.compile("[A-Z]{2}[0-9A-Z]{2,13}");

    private CompanyIds() {
    }

    /** The id without spaces, or null when it is neither a valid SIREN/SIRET nor a VAT number. */
    static String normalize(String raw) {
        String compact = raw.replaceAll("[\\s.\\u00A0-]", "").toUpperCase(Locale.ROOT);
        if (SIREN_OR_SIRET.matcher(compact).matches()) {
            return LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(compact) ? compact : null;
        }
        if (VAT.matcher(compact).matches()) {
            return compact;
        }
        return null;
    }
}
