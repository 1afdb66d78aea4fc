package org.encaisse.bank;

import java.math.BigDecimal;
import java.util.Currency;

/** An amount of a statement with its currency, or why it cannot be one. */
record StatementAmount(BigDecimal value, String currency, String problem) {

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("\\d{1,15}(\\.\\d{1,5})?");

    /** An amount as ISO 20022 writes it: digits, a point, no sign; at most as many decimals as its currency has. */
    static StatementAmount parse(String text, String currencyCode) {
        if (currencyCode == null || currencyCode.isBlank()) {
            return failed("has no currency (Ccy)");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode.strip());
        } catch (IllegalArgumentException unknown) {
            return failed("is in '" + currencyCode + "', which is not an ISO 4217 currency");
        }
        if (text == null || !DECIMAL.matcher(text).matches()) {
            return failed("is not an amount (digits, a point for decimals, no sign)");
        }
        return of(new BigDecimal(text), currency);
    }

    static StatementAmount of(BigDecimal value, Currency currency) {
        int decimals = Math.max(currency.getDefaultFractionDigits(), 0);
        if (value.stripTrailingZeros().scale() > decimals) {
            return failed("has " + value.stripTrailingZeros().scale() + " decimals; " + currency.getCurrencyCode()
                    + " has " + decimals);
        }
        return new StatementAmount(value.setScale(decimals), currency.getCurrencyCode(), null);
    }

    private static StatementAmount failed(String problem) {
        return new StatementAmount(null, null, problem);
    }
}
