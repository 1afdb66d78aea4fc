package org.encaisse.letter;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How fast letters are written: Thymeleaf to HTML, then openhtmltopdf to PDF, over the nine
 * templates in both languages with 1 to 40 invoices each. Run by bench/letters.sh; prints figures,
 * never asserts them.
 */
public final class LetterBenchmark {

    private static final List<String> TEMPLATES = List.of("pre-due-reminder", "friendly-reminder-1",
            "friendly-reminder-2", "firm-letter", "formal-notice", "payment-plan-agreement",
            "missed-installment-notice", "dispute-acknowledgement", "agency-handoff-notice");

    public static void main(String[] args) {
        int letters = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        LetterTemplates templates = new LetterTemplates("");
        PdfDocuments pdf = new PdfDocuments();
        run(templates, pdf, Math.max(50, letters / 5), false);
        run(templates, pdf, letters, true);
    }

    private static void run(LetterTemplates templates, PdfDocuments pdf, int count, boolean print) {
        long[] htmlNanos = new long[count];
        long[] pdfNanos = new long[count];
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Letter letter = letter(TEMPLATES.get(i % TEMPLATES.size()), i % 2 == 0 ? "fr" : "en", 1 + (i * 7) % 40);
            long t0 = System.nanoTime();
            String html = templates.letter(letter);
            long t1 = System.nanoTime();
            bytes += pdf.render(html).length;
            long t2 = System.nanoTime();
            htmlNanos[i] = t1 - t0;
            pdfNanos[i] = t2 - t1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!print) {
            return;
        }
        double html = Arrays.stream(htmlNanos).sum() / 1e6 / count;
        double pdfMs = Arrays.stream(pdfNanos).sum() / 1e6 / count;
        long[] total = new long[count];
        Arrays.setAll(total, i -> htmlNanos[i] + pdfNanos[i]);
        Arrays.sort(total);
        System.out.printf(Locale.ROOT, "letters: %d (9 templates x fr/en, 1-40 invoices each), %.1f s%n", count, seconds);
        System.out.printf(Locale.ROOT, "throughput: %.1f letters/s on one thread%n", count / seconds);
        System.out.printf(Locale.ROOT, "per letter: html %.2f ms, pdf %.2f ms (pdf/html ratio %.1f), median %.2f ms, p95 %.2f ms%n",
                html, pdfMs, pdfMs / html, total[count / 2] / 1e6, total[(int) (count * 0.95)] / 1e6);
        System.out.printf(Locale.ROOT, "pdf size: %.1f KB on average%n", bytes / 1024.0 / count);
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "peak heap: %.0f MB (sum of the pools' peaks)%n", peak / 1024.0 / 1024.0);
    }

    private static Letter letter(String template, String language, int invoices) {
        Creditor creditor = new Creditor("Encaisse Démo SAS", "12 quai Saint-Antoine|69002 Lyon", "552 100 554",
                "recouvrement@encaisse.example", "04 72 00 00 00", "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPP",
                "Claire Dubois", "Credit manager", "Lyon");
        List<Letter.Line> lines = new ArrayList<>();
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal interest = BigDecimal.ZERO;
        for (int i = 0; i < invoices; i++) {
            BigDecimal amount = BigDecimal.valueOf(100_00 + i * 1_237, 2);
            BigDecimal owed = BigDecimal.valueOf(12_34 + i * 5, 2);
            lines.add(new Letter.Line("FA-2026-%05d".formatted(i), LocalDate.of(2026, 6, 1).plusDays(i),
                    LocalDate.of(2026, 7, 1).plusDays(i), amount, amount, 60 - i, owed));
            outstanding = outstanding.add(amount);
            interest = interest.add(owed);
        }
        BigDecimal compensation = BigDecimal.valueOf(40L * invoices);
        return new Letter(template, Locale.forLanguageTag(language), "ENC-C0001-" + invoices, LocalDate.of(2026, 11, 22),
                template.equals("formal-notice"), creditor,
                new Letter.Addressee("Menuiserie Fontaine SARL", "732829320", "Service comptabilité fournisseurs",
                        "compta@example.fr", List.of("42 rue de la République", "69002 Lyon")),
                "EUR", lines, new Letter.Totals(outstanding, interest, new BigDecimal("40.00"), compensation,
                outstanding.add(interest).add(compensation)), true, null,
                List.of(new Letter.InstallmentLine(1, LocalDate.of(2026, 12, 15), outstanding)),
                "https://encaisse.example.fr/portal/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde");
    }
}
