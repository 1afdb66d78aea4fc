package org.encaisse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.encaisse.analytics.AgedBalance;
import org.encaisse.analytics.AgedBalanceReport;
import org.encaisse.analytics.AnalyticsFilter;
import org.encaisse.analytics.Bands;
import org.encaisse.customer.CustomerDirectory;
import org.encaisse.invoice.Invoice;
import org.encaisse.invoice.InvoiceLedger;
import org.encaisse.invoice.InvoiceStatus;
import org.encaisse.support.OwnContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** What a newcomer sees on first start: a ledger with something in every aging band. */
@SpringBootTest(properties = {"encaisse.demo.enabled=true", "encaisse.admin.user=", "encaisse.admin.password=",
        "spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1",
        // The demo company's own account (its letterhead's IBAN), where the demo statement comes from.
        "encaisse.bank.accounts=FR76 3000 6000 0112 3456 7890 189",
        // Camunda keeps engines in a static registry by name; "default" belongs to the other test contexts.
        "camunda.bpm.process-engine-name=demo"})
@ActiveProfiles("test")
@Tag(OwnContext.TAG)
class DemoDataTests {

    @Autowired
    CustomerDirectory customers;

    @Autowired
    InvoiceLedger ledger;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    Clock clock;

    @Autowired
    RuntimeService runtime;

    @Autowired
    AgedBalanceReport agedBalance;

    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @Autowired
    org.encaisse.court.InjunctionDesk injunctions;

    @Test
    void loadsThirtyCustomersWithThreeHundredInvoicesOverEveryAgingBand() {
        assertThat(customers.count()).isEqualTo(30);
        List<Invoice> invoices = allInvoices();
        assertThat(invoices).hasSize(300);
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> bands = new TreeMap<>();
        for (Invoice invoice : invoices) {
            if (invoice.getOutstandingAmount().signum() > 0) {
                bands.merge(band(invoice.getDueDate(), today), 1, Integer::sum);
            }
        }
        assertThat(bands.keySet()).containsExactlyInAnyOrder("0 not due", "1-30", "31-60", "61-90", "91-120", "121+");
        assertThat(bands.values()).allMatch(count -> count >= 30);
        assertThat(invoices).filteredOn(i -> i.getStatus() == InvoiceStatus.PARTIALLY_PAID).hasSizeGreaterThan(30);
        assertThat(invoices).filteredOn(i -> i.getStatus() == InvoiceStatus.PAID).hasSizeGreaterThan(10);
        assertThat(invoices).allMatch(i -> i.getAmount().compareTo(BigDecimal.ZERO) > 0
                && !i.getDueDate().isBefore(i.getIssueDate()));
    }

    @Test
    void everyCustomerHasAnAccountsPayableContact() {
        for (int i = 1; i <= 30; i++) {
            assertThat(customers.get("C%04d".formatted(i)).getContacts())
                    .anyMatch(contact -> contact.getRole().name().equals("ACCOUNTS_PAYABLE") && contact.getEmail() != null);
        }
    }

    @Test
    void opensTheCollectionCasesAtOnce() {
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("CollectionCaseProcess").count())
                .isBetween(20L, 30L);
    }

    @Test
    void collectorsFindCallsWaitingAndTheBriefingOfTheOneTheyClaim() {
        List<org.camunda.bpm.engine.task.Task> calls = tasks.createTaskQuery().taskDefinitionKey("Task_CallCustomer")
                .taskCandidateGroup("collectors").list();
        assertThat(calls).hasSizeGreaterThan(10);
        String call = calls.get(0).getId();
        tasks.claim(call, "demo-collector-check");
        try {
            assertThat((String) tasks.getVariableLocal(call, "briefing")).contains("Factures échues");
        } finally {
            tasks.setAssignee(call, null);
        }
    }

    @Test
    void anInsuredCustomerWaitsForItsDeclarationFiveDaysBeforeTheDeadline() {
        var declare = tasks.createTaskQuery().processDefinitionKey("CreditInsuranceProcess")
                .taskDefinitionKey("Task_DeclareToInsurer").processInstanceBusinessKey("C0004").list();
        assertThat(declare).singleElement().satisfies(task -> {
            assertThat(task.getName()).startsWith("Déclarer l'impayé à l'assureur · ");
            assertThat(runtime.getVariable(task.getProcessInstanceId(), "declarationDeadline"))
                    .isEqualTo(LocalDate.now(clock).plusDays(5).toString());
        });
        // Every declaration the managers see is within the lead of its deadline, never past it.
        tasks.createTaskQuery().processDefinitionKey("CreditInsuranceProcess").taskDefinitionKey("Task_DeclareToInsurer")
                .list().forEach(task -> assertThat(LocalDate.parse((String) runtime.getVariable(
                        task.getProcessInstanceId(), "declarationDeadline")))
                        .isBetween(LocalDate.now(clock), LocalDate.now(clock).plusDays(10)));
        // A withdrawn cover watches nothing.
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("CreditInsuranceProcess")
                .processInstanceBusinessKey("C0017").count()).isZero();
    }

    @Test
    void yesterdaysBankStatementLeavesTwoTransfersForTheCollectorsToMatch() {
        var matching = runtime.createProcessInstanceQuery().processDefinitionKey("BankPaymentMatchingProcess").list();
        assertThat(matching).hasSize(2);
        for (var instance : matching) {
            // The likely customers are proposed in a job, which the demo's job executor runs; the tests run none.
            management.createJobQuery().processInstanceId(instance.getId()).list()
                    .forEach(job -> management.executeJob(job.getId()));
            var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(task.getName()).startsWith("Rapprocher le paiement · ");
            assertThat(runtime.getVariable(instance.getId(), "customerExternalId")).as("a likely customer").isNotNull();
        }
    }

    @Test
    void everyRoleHasADemoUser() {
        for (String group : List.of("collectors", "sales", "logistics", "managers", "auditors")) {
            assertThat(identity.createUserQuery().memberOfGroup(group).count()).as(group).isPositive();
        }
        assertThat(identity.checkPassword("marie", DemoUsers.PASSWORD)).isTrue();
    }

    @Test
    void theAgedBalanceEqualsAHandCountOfTheDemoInvoices() {
        LocalDate today = LocalDate.now(clock);
        Map<String, BigDecimal> byHand = new TreeMap<>();
        int debtors = 0;
        for (int i = 1; i <= 30; i++) {
            boolean owes = false;
            for (Invoice invoice : ledger.ofCustomer(customers.get("C%04d".formatted(i)).getId())) {
                if (invoice.getOutstandingAmount().signum() > 0) {
                    byHand.merge(band(invoice.getDueDate(), today), invoice.getOutstandingAmount(), BigDecimal::add);
                    owes = true;
                }
            }
            debtors += owes ? 1 : 0;
        }
        for (boolean fromInvoices : List.of(false, true)) {
            AgedBalance balance = agedBalance.of(today, new AnalyticsFilter("EUR", null, null, null, null), -1, fromInvoices);
            Bands total = balance.total();
            assertThat(total.notDue()).isEqualByComparingTo(byHand.get("0 not due"));
            assertThat(total.days1to30()).isEqualByComparingTo(byHand.get("1-30"));
            assertThat(total.days31to60()).isEqualByComparingTo(byHand.get("31-60"));
            assertThat(total.days61to90()).isEqualByComparingTo(byHand.get("61-90"));
            assertThat(total.days91to120()).isEqualByComparingTo(byHand.get("91-120"));
            assertThat(total.over120()).isEqualByComparingTo(byHand.get("121+"));
            assertThat(total.total()).isEqualByComparingTo(byHand.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(balance.customerCount()).isEqualTo(debtors);
            assertThat(balance.customers()).hasSize(debtors);
        }
    }

    @Test
    void showsAClaimNearingLimitationTermsBeyondTheCapAndARequestReadyToFile() {
        assertThat(allInvoices()).anyMatch(Invoice::isDueBeyondLegalTerms);
        List<org.camunda.bpm.engine.task.Task> nearing = tasks.createTaskQuery()
                .taskDefinitionKey("Task_SecureClaimBeforeLimitation").taskCandidateGroup("managers").list();
        assertThat(nearing).hasSize(1);
        List<org.camunda.bpm.engine.task.Task> toFile = tasks.createTaskQuery()
                .taskDefinitionKey("Task_FileInjunctionRequest").taskCandidateGroup("managers").list();
        assertThat(toFile).hasSize(1);
        org.encaisse.court.InjunctionView request = injunctions.view(toFile.get(0).getProcessInstanceId());
        assertThat(request.status()).isEqualTo("PREPARED");
        assertThat(request.decidedBy()).isEqualTo("claire");
        assertThat(request.total()).isGreaterThan(request.principal());
    }

    private List<Invoice> allInvoices() {
        return java.util.stream.IntStream.rangeClosed(1, 30)
                .mapToObj(i -> customers.get("C%04d".formatted(i)))
                .flatMap(customer -> ledger.ofCustomer(customer.getId()).stream())
                .toList();
    }

    private static String band(LocalDate due, LocalDate today) {
        long late = java.time.temporal.ChronoUnit.DAYS.between(due, today);
        if (late <= 0) {
            return "0 not due";
        }
        if (late <= 30) {
            return "1-30";
        }
        if (late <= 60) {
            return "31-60";
        }
        if (late <= 90) {
            return "61-90";
        }
        return late <= 120 ? "91-120" : "121+";
    }
}
