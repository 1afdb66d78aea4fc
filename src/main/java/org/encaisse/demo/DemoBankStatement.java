package org.encaisse.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;

/**
 * Yesterday's CAMT.053 of the demo company's account, written from what its customers owe: two transfers that
 * name the invoices they pay (applied on import), two that the collectors match by hand in "Rapprocher le
 * paiement" (one without any reference, one paying part of an invoice), and a bank fee.
 */
final class DemoBankStatement {

    private final CustomerDirectory customers;
    private final InvoiceLedger ledger;

    DemoBankStatement(CustomerDirectory customers, InvoiceLedger ledger) {
        this.customers = customers;
        this.ledger = ledger;
    }

    /** The statement, or nothing when fewer than four customers owe anything overdue. */
    Optional<String> of(LocalDate today, String account) {
        LocalDate day = today.minusDays(1);
        List<Customer> owing = customers.all(ledger.customersWithOverdue(today)).stream()
                .sorted(Comparator.comparing(Customer::getExternalId)).toList();
        List<List<Invoice>> overdue = owing.stream().map(customer -> ledger.overdue(customer.getId(), today)).toList();
        int withTwo = -1;
        for (int i = 1; i < overdue.size() && withTwo < 0; i++) {
            if (overdue.get(i).size() >= 2) {
                withTwo = i;
            }
        }
        if (owing.size() < 4 || withTwo < 0) {
            return Optional.empty();
        }
        List<Integer> others = new ArrayList<>();
        for (int i = 1; i < owing.size() && others.size() < 2; i++) {
            if (i != withTwo) {
                others.add(i);
            }
        }
        String date = day.toString();
        String prefix = "DEMO" + date.replace("-", "");
        List<String> entries = new ArrayList<>();
        Invoice first = overdue.get(0).get(0);
        entries.add(entry(prefix + "01", first.getOutstandingAmount(), "CRDT", date, upper(owing.get(0).getName()),
                "<Ustrd>REGLEMENT FACTURE " + first.getNumber() + "</Ustrd>"));
        Invoice a = overdue.get(withTwo).get(0);
        Invoice b = overdue.get(withTwo).get(1);
        entries.add(entry(prefix + "02", a.getOutstandingAmount().add(b.getOutstandingAmount()), "CRDT", date,
                upper(owing.get(withTwo).getName()), document(a) + document(b)));
        Invoice unnamed = overdue.get(others.get(0)).get(0);
        entries.add(entry(prefix + "03", unnamed.getOutstandingAmount(), "CRDT", date,
                upper(owing.get(others.get(0)).getName()), "<Ustrd>VIREMENT</Ustrd>"));
        Invoice partly = overdue.get(others.get(1)).get(0);
        entries.add(entry(prefix + "04", partly.getOutstandingAmount().divide(BigDecimal.valueOf(2), 2,
                RoundingMode.DOWN), "CRDT", date, upper(owing.get(others.get(1)).getName()),
                "<Ustrd>ACOMPTE " + partly.getNumber() + "</Ustrd>"));
        entries.add(entry(prefix + "05", new BigDecimal("18.50"), "DBIT", date, "CREDIT AGRICOLE",
                "<Ustrd>FRAIS TENUE DE COMPTE</Ustrd>"));
        return Optional.of("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%s</MsgId><CreDtTm>%sT22:00:00+01:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%s</Id>
                      <Acct><Id><IBAN>%s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                %s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(prefix, date, prefix, account.replace(" ", ""), String.join("", entries)));
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    private static String document(Invoice invoice) {
        return "<Strd><RfrdDocInf><Nb>" + invoice.getNumber() + "</Nb></RfrdDocInf></Strd>";
    }

    private static String entry(String reference, BigDecimal amount, String direction, String date, String party,
                                String remittance) {
        String side = direction.equals("CRDT") ? "Dbtr" : "Cdtr";
        return """
                      <Ntry>
                        <Amt Ccy="EUR">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%s</Dt></BookgDt><ValDt><Dt>%s</Dt></ValDt><AcctSvcrRef>%s</AcctSvcrRef>
                        <NtryDtls><TxDtls>
                          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                          <RltdPties><%s><Pty><Nm>%s</Nm></Pty></%s></RltdPties>
                          <RmtInf>%s</RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                """.formatted(amount.setScale(2).toPlainString(), direction, date, date, reference, side,
                party.replace("&", "&amp;").replace("<", "&lt;"), side, remittance);
    }
}
