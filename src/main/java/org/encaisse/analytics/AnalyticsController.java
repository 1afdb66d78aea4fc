package org.encaisse.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.encaisse.input.BadQueryException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures managers steer collection by, as JSON and as CSV for a French spreadsheet. */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final AgedBalanceReport agedBalance;
    private final ReceivablesFigures receivables;
    private final CollectionFigures collection;
    private static final int DASHBOARD_TERMS_ROWS = 5;

    private final PaymentTermsReport paymentTerms;
    private final LimitationReport limitation;
    private final Clock clock;

    AnalyticsController(AgedBalanceReport agedBalance, ReceivablesFigures receivables, CollectionFigures collection,
                        PaymentTermsReport paymentTerms, LimitationReport limitation, Clock clock) {
        this.agedBalance = agedBalance;
        this.receivables = receivables;
        this.collection = collection;
        this.paymentTerms = paymentTerms;
        this.limitation = limitation;
        this.clock = clock;
    }

    @GetMapping("/aged-balance")
    AgedBalance agedBalance(@RequestParam(required = false) String asOf, @RequestParam(required = false) String currency,
                            @RequestParam(required = false) String segment, @RequestParam(required = false) String riskRating,
                            @RequestParam(required = false) String salesRep, @RequestParam(required = false) String level,
                            @RequestParam(required = false) String insured,
                            @RequestParam(defaultValue = "50") String limit,
                            @RequestParam(defaultValue = "snapshot") String source) {
        return agedBalance.of(day("asOf", asOf, today()), filter(currency, segment, riskRating, salesRep, level, insured),
                number("limit", limit, 0, 100_000), fromInvoices(source));
    }

    /** Every customer of the aged balance, then the total, one line each. */
    @GetMapping("/aged-balance.csv")
    ResponseEntity<byte[]> agedBalanceCsv(@RequestParam(required = false) String asOf,
                                          @RequestParam(required = false) String currency,
                                          @RequestParam(required = false) String segment,
                                          @RequestParam(required = false) String riskRating,
                                          @RequestParam(required = false) String salesRep,
                                          @RequestParam(required = false) String level,
                                          @RequestParam(required = false) String insured,
                                          @RequestParam(defaultValue = "snapshot") String source) {
        AgedBalance balance = agedBalance.of(day("asOf", asOf, today()), filter(currency, segment, riskRating, salesRep,
                level, insured), -1, fromInvoices(source));
        List<List<Object>> rows = new ArrayList<>();
        for (AgedBalance.CustomerLine line : balance.customers()) {
            List<Object> row = row(line.externalId(), line.name(), line.segment(), line.riskRating(), line.salesRep(),
                    line.bands());
            row.add(line.soonestLimitation());
            rows.add(row);
        }
        List<Object> total = row("TOTAL", balance.customerCount() + " clients", null, null, null, balance.total());
        total.add(null);
        rows.add(total);
        byte[] file = FrenchCsv.of(List.of("Client", "Raison sociale", "Segment", "Risque", "Commercial", "Non échu",
                "1-30 j", "31-60 j", "61-90 j", "91-120 j", "Plus de 120 j", "Total", "Échu", "Prescription"), rows);
        return csv("balance-agee-" + balance.asOf() + "-" + balance.currency() + ".csv", file);
    }

    @GetMapping("/top-debtors")
    List<AgedBalance.CustomerLine> topDebtors(@RequestParam(required = false) String currency,
                                              @RequestParam(required = false) String segment,
                                              @RequestParam(required = false) String riskRating,
                                              @RequestParam(required = false) String salesRep,
                                              @RequestParam(required = false) String level,
                                              @RequestParam(defaultValue = "10") String limit) {
        return agedBalance.topDebtors(filter(currency, segment, riskRating, salesRep, level), number("limit", limit, 1, 1000));
    }

    @GetMapping("/turnover")
    ReceivablesFigures.Turnover turnover(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String currency,
                                         @RequestParam(required = false) String segment,
                                         @RequestParam(required = false) String riskRating,
                                         @RequestParam(required = false) String salesRep) {
        LocalDate end = day("to", to, today());
        LocalDate start = day("from", from, end.minusMonths(6).plusDays(1));
        if (end.isBefore(start)) {
            throw new BadQueryException("to", end.toString(), "must not be before from (" + start + ")");
        }
        return receivables.turnover(start, end, filter(currency, segment, riskRating, salesRep, null));
    }

    @GetMapping("/dso-trend")
    List<ReceivablesFigures.MonthDso> dsoTrend(@RequestParam(defaultValue = "12") String months,
                                               @RequestParam(required = false) String currency,
                                               @RequestParam(required = false) String segment,
                                               @RequestParam(required = false) String riskRating,
                                               @RequestParam(required = false) String salesRep) {
        return receivables.trend(number("months", months, 1, 36), filter(currency, segment, riskRating, salesRep, null));
    }

    @GetMapping("/dso-trend.csv")
    ResponseEntity<byte[]> dsoTrendCsv(@RequestParam(defaultValue = "12") String months,
                                       @RequestParam(required = false) String currency) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReceivablesFigures.MonthDso month : dsoTrend(months, currency, null, null, null)) {
            rows.add(List.of(month.monthEnd(), month.sales(), month.receivables(),
                    month.dsoSimple() == null ? "" : month.dsoSimple(), month.dsoCountback()));
        }
        return csv("dso.csv", FrenchCsv.of(List.of("Fin de mois", "Ventes", "Encours clients", "DSO simple (j)",
                "DSO par épuisement (j)"), rows));
    }

    /** Recovery by level, promises kept and disputes, over [from, to] (the last 12 months by default). */
    @GetMapping("/collection")
    Map<String, Object> collectionFigures(@RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(required = false) String currency) {
        LocalDate end = day("to", to, today());
        LocalDate start = day("from", from, end.minusYears(1).plusDays(1));
        if (end.isBefore(start)) {
            throw new BadQueryException("to", end.toString(), "must not be before from (" + start + ")");
        }
        String inCurrency = filter(currency, null, null, null, null).currency();
        return Map.of("from", start, "to", end, "currency", inCurrency,
                "recoveryByLevel", collection.recoveryByLevel(start, end, inCurrency),
                "promises", collection.promises(start, end),
                "disputes", collection.disputes(start, end),
                "openCasesByLevel", collection.openCasesByLevel());
    }

    /** Invoices due later than L441-10 allows, most recently issued first: {@code limit} of them (50), and how many. */
    @GetMapping("/payment-terms")
    PaymentTermsReport.Report paymentTerms(@RequestParam(defaultValue = "50") String limit) {
        return paymentTerms.beyondLegalTerms(number("limit", limit, 1, 1000));
    }

    /**
     * Debts still owed whose claim expires within {@code months} (6) or has expired (L110-4, restarted by
     * acknowledgments, Code civil 2240), soonest first: {@code limit} (100) of them.
     */
    @GetMapping("/limitation")
    List<LimitationReport.Expiring> limitation(@RequestParam(defaultValue = "6") String months,
                                               @RequestParam(defaultValue = "100") String limit) {
        return limitation.expiringBy(today().plusMonths(number("months", months, 0, 120)), number("limit", limit, 1, 1000));
    }

    /** What the dashboard shows at first: today's aged balance, the top debtors, open cases by level, the DSO trend. */
    @GetMapping("/dashboard")
    Map<String, Object> dashboard(@RequestParam(required = false) String currency,
                                  @RequestParam(required = false) String segment,
                                  @RequestParam(required = false) String riskRating,
                                  @RequestParam(required = false) String salesRep,
                                  @RequestParam(required = false) String level,
                                  @RequestParam(required = false) String insured) {
        AnalyticsFilter filter = filter(currency, segment, riskRating, salesRep, level, insured);
        AgedBalance balance = agedBalance.of(today(), filter, 10, false);
        return Map.of("agedBalance", balance, "openCasesByLevel", collection.openCasesByLevel(),
                "paymentTerms", paymentTerms.beyondLegalTerms(DASHBOARD_TERMS_ROWS),
                "dsoTrend", receivables.trend(ReceivablesFigures.DASHBOARD_MONTHS, new AnalyticsFilter(filter.currency(), filter.segment(),
                        filter.riskRating(), filter.salesRep(), null)));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static AnalyticsFilter filter(String currency, String segment, String riskRating, String salesRep,
                                          String level) {
        return filter(currency, segment, riskRating, salesRep, level, null);
    }

    /** {@code insured}: {@code true} for customers a credit insurer covers, {@code false} for the others. */
    private static AnalyticsFilter filter(String currency, String segment, String riskRating, String salesRep,
                                          String level, String insured) {
        if (insured != null && !insured.isBlank() && !insured.strip().matches("true|false")) {
            throw new BadQueryException("insured", insured, "true or false is expected");
        }
        if (currency != null && !currency.isBlank() && !currency.strip().matches("[A-Za-z]{3}")) {
            throw new BadQueryException("currency", currency, "an ISO currency code such as EUR is expected");
        }
        if (riskRating != null && !riskRating.isBlank()
                && !List.of("LOW", "MEDIUM", "HIGH").contains(riskRating.strip().toUpperCase(java.util.Locale.ROOT))) {
            throw new BadQueryException("riskRating", riskRating, "LOW, MEDIUM or HIGH is expected");
        }
        if (level != null && !level.isBlank() && !level.strip().matches("none|[0-4]")) {
            throw new BadQueryException("level", level, "none or a collection level from 0 to 4 is expected");
        }
        return new AnalyticsFilter(currency, segment, riskRating, salesRep, level,
                insured == null || insured.isBlank() ? null : Boolean.valueOf(insured.strip()));
    }

    private static boolean fromInvoices(String source) {
        return switch (source) {
            case "snapshot" -> false;
            case "invoices" -> true;
            default -> throw new BadQueryException("source", source, "snapshot or invoices is expected");
        };
    }

    private static LocalDate day(String parameter, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadQueryException(parameter, value, "a date as yyyy-MM-dd is expected");
        }
    }

    private static int number(String parameter, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadQueryException(parameter, value, "a whole number from " + min + " to " + max + " is expected");
    }

    private static List<Object> row(String id, String name, String segment, String risk, String salesRep, Bands bands) {
        List<Object> row = new ArrayList<>(java.util.Arrays.asList(id, name, segment, risk, salesRep));
        row.addAll(List.of(bands.notDue(), bands.days1to30(), bands.days31to60(), bands.days61to90(),
                bands.days91to120(), bands.over120(), bands.total(), bands.overdue()));
        return row;
    }

    private static ResponseEntity<byte[]> csv(String fileName, byte[] content) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(content);
    }
}
