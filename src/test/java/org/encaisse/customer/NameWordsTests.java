package org.encaisse.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameWordsTests {

    @Test
    void aNameKeepsTheWordsThatTellItApartWithoutCaseAccentsOrLegalForm() {
        assertThat(NameWords.of("Boulangeries Chevalier SARL")).containsExactly("boulangeries", "chevalier");
        assertThat(NameWords.of("Pâtisserie de l'Œuf d'Or & Fils")).containsExactly("patisserie", "oeuf", "or");
        assertThat(NameWords.of("VIR SEPA STE HÔTEL DES ÉCLUSES 75011")).containsExactly("hotel", "ecluses", "75011");
        assertThat(NameWords.of("SAS")).isEmpty();
        assertThat(NameWords.of(null)).isEmpty();
    }

    @Test
    void aWordLongerThanTheIndexColumnIsLeftOut() {
        assertThat(NameWords.of("x".repeat(NameWords.LONGEST + 1) + " Dupont")).containsExactly("dupont");
    }
}
