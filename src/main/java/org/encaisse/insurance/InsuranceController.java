package org.encaisse.insurance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.encaisse.customer.Customer;
import org.encaisse.customer.CustomerDirectory;

import org.encaisse.input.ImportSummary;
import org.encaisse.input.NotFoundException;
import org.encaisse.input.Positioned;
import org.encaisse.input.SavedMappings;
import org.encaisse.input.Upload;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Covers set by managers (one, many, or a CSV of the insurer's decisions), and the declarations they lead to. */
@RestController
class InsuranceController {

    private final InsuranceCoverBook covers;
    private final DeclarationDesk declarations;
    private final SavedMappings mappings;
    private final CustomerDirectory customers;

    InsuranceController(InsuranceCoverBook covers, DeclarationDesk declarations, SavedMappings mappings,
                        CustomerDirectory customers) {
        this.customers = customers;
        this.covers = covers;
        this.declarations = declarations;
        this.mappings = mappings;
    }

    /** The fields of a cover without the customer, which the path names. */
    record CoverBody(String insurer, String policyNumber, String grantedLimit, String currency, String grantedOn,
                     String state) {
    }

    @PutMapping(path = "/api/customers/{externalId}/insurance-cover", consumes = MediaType.APPLICATION_JSON_VALUE)
    InsuranceCoverBook.CoverView set(@PathVariable String externalId, @RequestBody CoverBody body) {
        covers.importRecords(Positioned.items(List.of(new CoverRecord(externalId, body.insurer(), body.policyNumber(),
                body.grantedLimit(), body.currency(), body.grantedOn(), body.state()))), "the cover sent");
        return get(externalId);
    }

    @GetMapping("/api/customers/{externalId}/insurance-cover")
    InsuranceCoverBook.CoverView get(@PathVariable String externalId) {
        return covers.of(externalId).orElseThrow(() ->
                new NotFoundException("Customer '" + externalId + "' has no credit insurance cover."));
    }

    @PostMapping(path = "/api/insurance-covers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportSummary importJson(@RequestBody List<CoverRecord> records) {
        return covers.importRecords(Positioned.items(records), "the covers sent");
    }

    @PostMapping(path = "/api/imports/insurance-covers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportSummary importCsv(@RequestPart("file") MultipartFile file,
                            @RequestParam(name = "mapping", required = false) String mapping,
                            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) {
        Upload upload = Upload.of(file, "insurance-covers.csv");
        return covers.importCsv(upload.name(), upload.content(), mappings.columns(covers.kind(), mapping), dryRun);
    }

    /** A declaration as the pages show it: whose, by when, what became of it, and the amount at stake. */
    record DeclarationView(String customerExternalId, String customerName, String insurer, String policyNumber,
                           LocalDate deadline, InsuranceDeclaration.State state, String insurerReference,
                           String settledBy, Instant settledAt, List<DeclaredInvoice> invoices, BigDecimal total,
                           String currency) {
    }

    @GetMapping("/api/customers/{externalId}/insurance-declarations")
    List<DeclarationView> ofCustomer(@PathVariable String externalId) {
        return views(declarations.ofCustomer(externalId));
    }

    /** {@code state=COVER_LOST}: the invoices the insurer no longer covers; {@code AWAITED}: what is to declare. */
    @GetMapping("/api/insurance-declarations")
    List<DeclarationView> inState(@RequestParam(defaultValue = "AWAITED") InsuranceDeclaration.State state) {
        return views(declarations.inState(state));
    }

    private List<DeclarationView> views(List<InsuranceDeclaration> found) {
        Map<Long, Customer> byId = new HashMap<>();
        customers.all(found.stream().map(InsuranceDeclaration::getCustomerId).distinct().toList())
                .forEach(customer -> byId.put(customer.getId(), customer));
        return found.stream().map(declaration -> {
            Customer customer = byId.get(declaration.getCustomerId());
            List<DeclaredInvoice> invoices = declaration.getInvoices();
            return new DeclarationView(customer.getExternalId(), customer.getName(), declaration.getInsurer(),
                    declaration.getPolicyNumber(), declaration.getDeadline(), declaration.getState(),
                    declaration.getInsurerReference(), declaration.getSettledBy(), declaration.getSettledAt(), invoices,
                    DeclarationDesk.total(invoices), invoices.isEmpty() ? null : invoices.get(0).currency());
        }).toList();
    }
}
