package org.encaisse.accounting;

import java.util.List;

/**
 * The accounts of the French chart (Plan comptable général) that tell what an entry on a customer's
 * account is: the counterpart says whether the customer was invoiced, paid or moved elsewhere, whatever
 * the journal codes a company chose.
 */
final class FecAccounts {

    /** 411: Clients. Its sub-ledger (CompAuxNum) names the customer. */
    static final String CUSTOMERS = "411";

    /** 512 banks, 514 postal cheques, 517 other financial bodies, 511 cheques and drafts to cash, 53 cash. */
    private static final List<String> CASH = List.of("512", "514", "517", "511", "53");
    /** 70 sales, 4457 VAT collected, 708 ancillary income, 709 rebates granted. */
    private static final List<String> SALES = List.of("70", "4457");
    /** 890 opening balance sheet: the carry-forward ("à-nouveaux") of last year's open items. */
    private static final List<String> OPENING = List.of("890");

    private FecAccounts() {
    }

    static boolean isCash(String account) {
        return startsWithAny(account, CASH);
    }

    static boolean isSales(String account) {
        return startsWithAny(account, SALES);
    }

    static boolean isOpening(String account) {
        return startsWithAny(account, OPENING);
    }

    private static boolean startsWithAny(String account, List<String> prefixes) {
        return prefixes.stream().anyMatch(account::startsWith);
    }
}
