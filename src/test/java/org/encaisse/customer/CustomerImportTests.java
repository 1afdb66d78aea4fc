package org.encaisse.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.encaisse.support.Api;
import org.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@EncaisseTest
class CustomerImportTests {

    @Autowired
    Api api;

    @Test
    void createsOneCustomerFromASingleObject() {
        String id = Api.unique("C");
        ResponseEntity<JsonNode> response = api.post("/api/customers", """
                {"externalId": "%s", "name": "Boulangerie Martin SARL", "companyId": "732 829 320",
                 "segment": "PME", "riskRating": "élevé", "creditLimit": "25 000,00", "salesRep": "paul",
                 "language": "FR", "address": "12 rue des Lilas\\n69003 Lyon", "latePaymentRate": "12,5",
                 "contacts": [{"role": "accounts payable", "name": "Anne Martin", "email": "anne@martin.example.fr",
                               "phone": "+33 1 23 45 67 89"},
                              {"role": "DIRECTOR", "name": "Luc Martin", "phone": "06 12 34 56 78"}]}""".formatted(id));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("created").asInt()).isEqualTo(1);

        JsonNode customer = api.get("/api/customers/" + id).getBody();
        assertThat(customer.get("name").asText()).isEqualTo("Boulangerie Martin SARL");
        assertThat(customer.get("companyId").asText()).isEqualTo("732829320");
        assertThat(customer.get("riskRating").asText()).isEqualTo("HIGH");
        assertThat(customer.get("creditLimit").decimalValue()).isEqualByComparingTo("25000");
        assertThat(customer.get("language").asText()).isEqualTo("fr");
        assertThat(customer.get("address").asText()).isEqualTo("12 rue des Lilas\n69003 Lyon");
        assertThat(customer.get("latePaymentRate").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(customer.get("contacts")).extracting(c -> c.get("role").asText())
                .containsExactly("ACCOUNTS_PAYABLE", "DIRECTOR");
        assertThat(customer.get("balances")).isEmpty();
    }

    @Test
    void upsertsAnArrayByExternalIdAndReplacesContactsOnlyWhenGiven() {
        String id = api.customer();
        String other = Api.unique("C");
        ResponseEntity<JsonNode> response = api.post("/api/customers", """
                [{"externalId": "%s", "name": "Nouveau nom SAS"},
                 {"externalId": "%s", "name": "Autre client", "contacts": []}]""".formatted(id, other));
        assertThat(response.getBody().get("updated").asInt()).isEqualTo(1);
        assertThat(response.getBody().get("created").asInt()).isEqualTo(1);
        JsonNode customer = api.get("/api/customers/" + id).getBody();
        assertThat(customer.get("name").asText()).isEqualTo("Nouveau nom SAS");
        assertThat(customer.get("contacts")).as("contacts kept when the import has none").hasSize(1);

        api.post("/api/customers", """
                {"externalId": "%s", "name": "Nouveau nom SAS", "contacts": [
                  {"role": "PURCHASER", "name": "Acheteur", "email": "achats@example.fr"}]}""".formatted(id));
        assertThat(api.get("/api/customers/" + id).getBody().get("contacts"))
                .extracting(c -> c.get("role").asText()).containsExactly("PURCHASER");

        ResponseEntity<JsonNode> same = api.post("/api/customers", """
                {"externalId": "%s", "name": "Nouveau nom SAS", "contacts": [
                  {"role": "PURCHASER", "name": "Acheteur", "email": "achats@example.fr"}]}""".formatted(id));
        assertThat(same.getBody().get("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void reportsEveryBadFieldOfEveryCustomerAndStoresNone() {
        String good = Api.unique("C");
        ResponseEntity<JsonNode> response = api.post("/api/customers", """
                [{"externalId": "%s", "name": "Bon client"},
                 {"externalId": "%s", "companyId": "123456789", "riskRating": "terrible", "creditLimit": "-5",
                  "language": "de", "latePaymentRate": "-3", "contacts": [{"role": "boss", "name": "X", "email": "not-an-email"},
                                                 {"role": "PURCHASER", "name": "Y"}]},
                 {"externalId": "%s", "name": "Doublon"}]""".formatted(good, Api.unique("C"), good));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        List<String> errors = new ArrayList<>();
        response.getBody().get("errors").forEach(e -> errors.add(e.get("item").asInt() + ":" + e.get("field").asText()));
        assertThat(errors).containsExactlyInAnyOrder("2:name", "2:companyId", "2:riskRating", "2:creditLimit",
                "2:language", "2:latePaymentRate", "2:contacts[0].role", "2:contacts[0].email", "2:contacts[1].email", "3:externalId");
        assertThat(api.get("/api/customers/" + good).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void importsACsvWhereEachExtraLineAddsAContact() {
        String a = Api.unique("C");
        String b = Api.unique("C");
        String csv = "externalId;name;companyId;segment;riskRating;creditLimit;salesRep;language;contactRole;contactName;contactEmail;contactPhone\r\n"
                + a + ";Société Générale d'Études;;PME;moyen;15 000;paul;fr;comptabilité fournisseurs;Service compta;compta@sge.example.fr;\r\n"
                + a + ";;;;;;;;directeur;Hélène Dupré;h.dupre@sge.example.fr;01 40 00 00 00\r\n"
                + b + ";Imprimerie Blanc;;TPE;;;;en;acheteur;Marc Blanc;;+44 20 7946 0000\r\n";
        ResponseEntity<JsonNode> response = api.upload("/api/imports/customers", "clients.csv",
                csv.getBytes(Charset.forName("windows-1252")));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("created").asInt()).isEqualTo(2);
        JsonNode first = api.get("/api/customers/" + a).getBody();
        assertThat(first.get("name").asText()).isEqualTo("Société Générale d'Études");
        assertThat(first.get("creditLimit").decimalValue()).isEqualByComparingTo("15000");
        assertThat(first.get("contacts")).extracting(c -> c.get("role").asText() + "/" + c.get("name").asText())
                .containsExactly("ACCOUNTS_PAYABLE/Service compta", "DIRECTOR/Hélène Dupré");
        assertThat(api.get("/api/customers/" + b).getBody().get("language").asText()).isEqualTo("en");
    }

    @Test
    void csvContactErrorsNameTheLineAndColumnOfTheContact() {
        String a = Api.unique("C");
        String csv = "externalId,name,contactRole,contactName,contactEmail\n"
                + a + ",Client A,DIRECTOR,Jeanne,jeanne@example.fr\n"
                + a + ",,PURCHASER,Paul,paul@@example\n";
        ResponseEntity<JsonNode> response = api.upload("/api/imports/customers", "clients.csv", csv);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode error = response.getBody().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("field").asText()).isEqualTo("contactEmail");
        assertThat(error.get("value").asText()).isEqualTo("paul@@example");
    }

    @Test
    void aCsvLineThatContradictsAnEarlierOneForTheSameCustomerIsRejected() {
        String a = Api.unique("C");
        String csv = "externalId,name\n" + a + ",Client A\n" + a + ",Client B\n";
        JsonNode error = api.upload("/api/imports/customers", "clients.csv", csv).getBody().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("reason").asText()).contains("first at line 2");
    }

    @Test
    void aCsvWithoutItsRequiredColumnsIsRejected() {
        ResponseEntity<JsonNode> response = api.upload("/api/imports/customers", "clients.csv", "id;libelle\nC1;Client\n");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("externalId", "name");
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        ResponseEntity<JsonNode> response = api.get("/api/customers/NOPE-" + Api.unique("X"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("detail").asText()).contains("No customer with externalId");
    }
}
