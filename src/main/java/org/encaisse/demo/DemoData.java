package org.encaisse.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.encaisse.bank.BankStatementImport;
import org.encaisse.collection.AgingRun;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.customer.CustomerImport;
import org.encaisse.input.Positioned;
import org.encaisse.insurance.InsuranceCoverBook;
import org.encaisse.invoice.InvoiceImport;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.letter.Creditor;
import org.encaisse.payment.PaymentRecording;
import org.encaisse.payment.PaymentRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Fills an empty database with the demo ledger, through the same imports a real company uses. */
@Component
@ConditionalOnProperty(name = "encaisse.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoUsers users;
    private final CustomerDirectory directory;
    private final CustomerImport customerImport;
    private final InvoiceImport invoiceImport;
    private final PaymentRecording paymentRecording;
    private final TransactionTemplate transaction;
    private final AgingRun agingRun;
    private final DemoCases demoCases;
    private final Clock clock;
    private final DemoBankStatement bankStatement;
    private final BankStatementImport statements;
    private final Creditor company;
    private final InsuranceCoverBook coverBook;

    DemoData(DemoUsers users, CustomerDirectory directory, CustomerImport customerImport, InvoiceImport invoiceImport,
             PaymentRecording paymentRecording, TransactionTemplate transaction, AgingRun agingRun, DemoCases demoCases,
             Clock clock, InvoiceLedger invoices, BankStatementImport statements, Creditor company,
             InsuranceCoverBook coverBook) {
        this.coverBook = coverBook;
        this.bankStatement = new DemoBankStatement(directory, invoices);
        this.statements = statements;
        this.company = company;
        this.users = users;
        this.directory = directory;
        this.customerImport = customerImport;
        this.invoiceImport = invoiceImport;
        this.paymentRecording = paymentRecording;
        this.transaction = transaction;
        this.agingRun = agingRun;
        this.demoCases = demoCases;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.ensure();
        if (directory.count() > 0) {
            return;
        }
        DemoLedger ledger = new DemoLedger(LocalDate.now(clock));
        transaction.executeWithoutResult(status -> {
            customerImport.importRecords(Positioned.items(ledger.customers()), "the demo customers");
            invoiceImport.importRecords(Positioned.items(ledger.invoices()), "the demo invoices");
            for (PaymentRequest payment : ledger.payments()) {
                paymentRecording.record(payment, "demo");
            }
            coverBook.importRecords(Positioned.items(ledger.covers()), "the demo insurance covers");
        });
        // The daily aging would open the cases at its next run; the demo shows them at once.
        AgingRun.Result cases = agingRun.run(LocalDate.now(clock));
        int calls = demoCases.bringToCall(LocalDate.now(clock), clock.getZone());
        String toFile = demoCases.bringToInjunctionFiling().orElse("none");
        int declarations = demoCases.bringInsuranceDeclarationsDue();
        // Yesterday's statement of the company's bank: what it brings is applied, or left to the collectors.
        String matching = bankStatement.of(LocalDate.now(clock), company.iban())
                .map(xml -> statements.importFile("demo-camt053.xml", xml.getBytes(StandardCharsets.UTF_8), false))
                .map(summary -> summary.applied() + " applied, " + summary.leftToMatch() + " left to match by hand")
                .orElse("no bank statement");
        log.info("Demo data loaded: {} customers, {} invoices, {} payments; {} collection cases opened, {} waiting for "
                + "a collector's call; injunction request ready to file for {}; bank statement: {}; {} insured "
                + "customers, {} insurance declarations for the managers to make.",
                ledger.customers().size(), ledger.invoices().size(), ledger.payments().size(), cases.opened(), calls,
                toFile, matching, ledger.covers().size(), declarations);
    }
}
