package org.encaisse.bank;

import java.util.List;

/** One statement of a file: the account it is of, in which currency, and its movements in the bank's order. */
record BankStatement(String id, String account, String currency, List<StatementEntry> entries) {
}
