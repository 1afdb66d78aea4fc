package org.encaisse.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** An amount as a French reader writes it on a card: whole units, thousands grouped, the euro sign after. */
public final class FrenchAmount {

    private FrenchAmount() {
    }

    public static String rounded(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(0);
        // A narrow no-break space groups thousands in French; a plain one reads the same in every font.
        return format.format(amount.setScale(0, RoundingMode.HALF_UP)).replace('\u202F', ' ').replace('\u00A0', ' ')
                + ("EUR".equals(currency) ? " €" : " " + currency);
    }

    /** To the cent, as a bank statement shows it: "1 250,00 €". */
    public static String exact(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount).replace('\u202F', ' ').replace('\u00A0', ' ')
                + ("EUR".equals(currency) ? " €" : " " + currency);
    }
}
