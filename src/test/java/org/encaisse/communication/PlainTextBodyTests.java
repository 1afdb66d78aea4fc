package org.encaisse.communication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text/plain alternative of a letter's email, read from its HTML. */
class PlainTextBodyTests {

    private static final String LETTER = """
            <!DOCTYPE html>
            <html><head><title>Titre</title><style>p { color: red; }</style></head>
            <body>
            <div class="footer">Pied de page</div>
            <div class="creditor"><div class="name">Encaisse</div><div>12 quai Saint-Antoine</div></div>
            <p>Madame, Monsieur,</p>
            <p>Un total de <strong>4&nbsp;250,00&nbsp;€</strong>. L&#39;échéance<br>est passée.</p>
            <table><thead><tr><th>Facture</th><th>Reste dû</th></tr></thead>
            <tbody><tr><td>FA-1</td><td>1 200,00 €</td></tr><tr><td>FA-2</td><td></td></tr></tbody></table>
            <!-- a comment --><p>Salutations
               distinguées.</p>
            </body></html>
            """;

    @Test
    void aLineForEachParagraphBlockAndRowWithTheCellsOfARowSeparated() {
        assertThat(PlainTextBody.of(LETTER)).isEqualTo("""
                Encaisse
                12 quai Saint-Antoine

                Madame, Monsieur,

                Un total de 4 250,00 €. L'échéance
                est passée.

                Facture | Reste dû
                FA-1 | 1 200,00 €
                FA-2

                Salutations distinguées.
                """);
    }

    @Test
    void leavesOutTheHeadAndThePrintedFooterAsAScreenDoes() {
        assertThat(PlainTextBody.of(LETTER)).doesNotContain("Titre", "color", "Pied de page");
    }

    @Test
    void aFooterNestedInABlockTakesItsContentAlongAndLeavesTheRest() {
        assertThat(PlainTextBody.of("<body><div><span class=\"note FOOTER\">Imprimé <b>seulement</b></span>"
                + "<span>Visible</span></div><p>Fin</p></body>")).isEqualTo("Visible\nFin\n");
    }

    @Test
    void markupWithoutABodyOrWithUnclosedParagraphsStillReadsAsLines() {
        assertThat(PlainTextBody.of("<p>Premier<p>Second<ul><li>un<li>deux</ul>")).isEqualTo("""
                Premier

                Second

                un
                deux
                """);
    }
}
