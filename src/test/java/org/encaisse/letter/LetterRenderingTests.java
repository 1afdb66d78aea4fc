package org.encaisse.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.encaisse.support.PdfText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** Every template of letters/, in both languages, rendered to a PDF whose text says what the letter claims. */
class LetterRenderingTests {

    private static final List<String> TEMPLATES = List.of("pre-due-reminder", "friendly-reminder-1",
            "friendly-reminder-2", "firm-letter", "formal-notice", "payment-plan-agreement",
            "missed-installment-notice", "dispute-acknowledgement", "agency-handoff-notice");

    private final LetterTemplates templates = new LetterTemplates("");
    private final PdfDocuments pdf = new PdfDocuments();

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyTemplateRendersAReadablePdfListingTheInvoices(String language) throws IOException {
        for (String template : TEMPLATES) {
            Letter letter = letter(template, language, template.equals("firm-letter") || template.equals("formal-notice"));
            String text = PdfText.of(pdf.render(templates.letter(letter)));
            assertThat(text).as(template).contains("FA-2026-00017", "FA-2026-00042", "Menuiserie Fontaine SARL",
                    "ENC-C0042-7");
            assertThat(text).as(template).contains(language.equals("fr") ? "1 500,00 €" : "€1,500.00");
            assertThat(text).as(template).contains(language.equals("fr") ? "4 250,00 €" : "€4,250.00");
            assertThat(templates.subject(letter)).contains("Menuiserie Fontaine SARL", "ENC-C0042-7");
            assertThat(templates.email(letter)).contains("ENC-C0042-7");
        }
    }

    @Test
    void letterFromLevelTwoShowsInterestAndFixedCompensation() throws IOException {
        String text = PdfText.of(pdf.render(templates.letter(letter("formal-notice", "fr", true))));
        assertThat(text).contains("LETTRE RECOMMANDÉE AVEC ACCUSÉ", "mettons en demeure",
                "Intérêts de retard", "38,12 €", "2 facture(s) × 40,00 €", "80,00 €", "4 368,12 €",
                "L441-10");
        assertThat(text).doesNotContain("#");
    }

    @Test
    void aRegisteredLetterCarriesThePortalLinkInWordsAndAsAQrCodeThatReadsBackToIt() throws Exception {
        Letter notice = letter("formal-notice", "fr", true);
        byte[] document = pdf.render(templates.letter(notice));
        assertThat(PdfText.of(document).replaceAll("\\s+", "")).contains("Votreespaceclient", notice.portalUrl());
        List<String> decoded = new java.util.ArrayList<>();
        try (org.apache.pdfbox.pdmodel.PDDocument read = org.apache.pdfbox.Loader.loadPDF(document)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : read.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name)
                            instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
                        java.awt.image.BufferedImage picture = image.getImage();
                        int[] pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0,
                                picture.getWidth());
                        decoded.add(new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(
                                        picture.getWidth(), picture.getHeight(), pixels)))).getText());
                    }
                }
            }
        }
        assertThat(decoded).containsExactly(notice.portalUrl());
    }

    @Test
    void friendlyReminderClaimsNoPenalty() throws IOException {
        String text = PdfText.of(pdf.render(templates.letter(letter("friendly-reminder-1", "fr", false))));
        assertThat(text).doesNotContain("Indemnité forfaitaire", "Intérêts de retard");
    }

    @Test
    void planAgreementSetsOutTheInstallmentsAndSignatureLines() throws IOException {
        String text = PdfText.of(pdf.render(templates.letter(letter("payment-plan-agreement", "fr", false))));
        assertThat(text).contains("Échéance n°", "15/12/2026", "2 125,00 €", "bon pour accord", "Date et signature");
    }

    @Test
    void aManagersCopyOfTheFolderWinsOverThePackagedTemplates(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("fr"));
        Files.writeString(folder.resolve("fr/friendly-reminder-1.html"), """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org" th:replace="~{common/letter :: page(#{title.friendly-reminder-1}, ~{::main})}">
                <body><main><p>Texte revu par la direction.</p><div th:replace="~{common/tables :: invoices}"></div></main></body>
                </html>
                """);
        LetterTemplates edited = new LetterTemplates(folder.toString());
        String text = PdfText.of(pdf.render(edited.letter(letter("friendly-reminder-1", "fr", false))));
        assertThat(text).contains("Texte revu par la direction.", "FA-2026-00042");
        assertThat(PdfText.of(pdf.render(edited.letter(letter("friendly-reminder-2", "fr", false))))).contains("Malgré notre premier rappel");
    }

    @Test
    void lettersReadTheSameOnceTheirExpressionsAreCompiled() {
        // SpEL compiles an expression after 100 interpreted runs and falls back when a value does not
        // fit the compiled form: the variants differ where the types or nulls do. These two templates
        // use every block of common/.
        List<Letter> variants = Stream.of("formal-notice", "payment-plan-agreement").flatMap(template -> Stream.of(
                letter(template, "fr", true), letter(template, "en", false),
                variant(letter(template, "fr", true), "USD", new BigDecimal("0.125")))).toList();
        LetterTemplates warmed = new LetterTemplates("");
        for (int round = 0; round < 101; round++) {
            variants.forEach(letter -> {
                warmed.letter(letter);
                warmed.email(letter);
            });
        }
        LetterTemplates fresh = new LetterTemplates("");
        for (Letter letter : variants) {
            assertThat(warmed.letter(letter)).as(letter.template() + " " + letter.currency()).isEqualTo(fresh.letter(letter));
            assertThat(warmed.email(letter)).as(letter.template() + " email").isEqualTo(fresh.email(letter));
        }
    }

    @Test
    void lettersCompileTheirExpressionsWhateverAnotherEngineOfTheJvmIsSetTo() {
        // What Spring Boot's auto-configured engine does at start-up, with the compiler off by default.
        new SpringTemplateEngine().setEnableSpringELCompiler(false);
        LetterTemplates letters = new LetterTemplates("");
        new SpringTemplateEngine().setEnableSpringELCompiler(false);
        letters.letter(letter("friendly-reminder-1", "fr", false));
        assertThat(letters.compilesExpressions()).isTrue();
    }

    private static Letter variant(Letter letter, String currency, BigDecimal interestRate) {
        Letter.Addressee addressee = new Letter.Addressee(letter.addressee().company(), null, null,
                letter.addressee().email(), letter.addressee().address());
        List<Letter.Line> lines = letter.invoices().stream().map(line -> new Letter.Line(line.number(), line.issueDate(),
                line.dueDate(), line.amount(), line.outstanding(), 0, line.interest())).toList();
        return new Letter(letter.template(), letter.locale(), letter.reference(), letter.date(), !letter.registered(),
                letter.creditor(), addressee, currency, lines, letter.totals(), letter.claimsPenalties(), interestRate,
                List.of(), null);
    }

    static Letter letter(String template, String language, boolean penalties) {
        Creditor creditor = new Creditor("Encaisse Démo SAS", "12 quai Saint-Antoine|69002 Lyon", "552 100 554",
                "recouvrement@encaisse.example", "04 72 00 00 00", "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPP",
                "Claire Dubois", "Credit manager", "Lyon");
        Letter.Addressee addressee = new Letter.Addressee("Menuiserie Fontaine SARL", "732829320",
                "Service comptabilité fournisseurs", "compta@menuiserie-fontaine.example.fr",
                List.of("42 rue de la République", "69002 Lyon"));
        List<Letter.Line> lines = List.of(
                new Letter.Line("FA-2026-00017", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31),
                        new BigDecimal("2400.00"), new BigDecimal("1500.00"), 83, new BigDecimal("29.98")),
                new Letter.Line("FA-2026-00042", LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 15),
                        new BigDecimal("2750.00"), new BigDecimal("2750.00"), 38, new BigDecimal("8.14")));
        BigDecimal compensation = penalties ? new BigDecimal("80.00") : BigDecimal.ZERO;
        Letter.Totals totals = new Letter.Totals(new BigDecimal("4250.00"), new BigDecimal("38.12"),
                new BigDecimal("40.00"), compensation, new BigDecimal("4250.00").add(new BigDecimal("38.12")).add(compensation));
        List<Letter.InstallmentLine> installments = List.of(
                new Letter.InstallmentLine(1, LocalDate.of(2026, 12, 15), new BigDecimal("2125.00")),
                new Letter.InstallmentLine(2, LocalDate.of(2027, 1, 15), new BigDecimal("2125.00")));
        return new Letter(template, Locale.forLanguageTag(language), "ENC-C0042-7", LocalDate.of(2026, 11, 22),
                template.equals("formal-notice"), creditor, addressee, "EUR", lines, totals, penalties, null, installments,
                "https://encaisse.example.fr/portal/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde");
    }
}
