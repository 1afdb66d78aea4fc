package org.encaisse.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompanyIdsTests {

    @Test
    void acceptsSirenAndSiretThatPassTheLuhnCheck() {
        assertThat(CompanyIds.normalize("732 829 320")).isEqualTo("732829320");
        assertThat(CompanyIds.normalize("732 829 320 00074")).isEqualTo("73282932000074");
    }

    @Test
    void rejectsSirenWithAWrongCheckDigit() {
        assertThat(CompanyIds.normalize("732829321")).isNull();
        assertThat(CompanyIds.normalize("12345")).isNull();
    }

    @Test
    void acceptsVatNumbers() {
        assertThat(CompanyIds.normalize("fr 40 303 265 045")).isEqualTo("FR40303265045");
        assertThat(CompanyIds.normalize("BE0123456789")).isEqualTo("BE0123456789");
    }
}
