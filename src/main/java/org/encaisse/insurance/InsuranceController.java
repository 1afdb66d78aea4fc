package org.encaisse.insurance;

import java.util.List;

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

    InsuranceController(InsuranceCoverBook covers, DeclarationDesk declarations, SavedMappings mappings) {
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

    @GetMapping("/api/customers/{externalId}/insurance-declarations")
    List<InsuranceDeclaration> ofCustomer(@PathVariable String externalId) {
        return declarations.ofCustomer(externalId);
    }

    /** {@code state=COVER_LOST}: the invoices the insurer no longer covers, for the dashboard. */
    @GetMapping("/api/insurance-declarations")
    List<InsuranceDeclaration> inState(@RequestParam(defaultValue = "AWAITED") InsuranceDeclaration.State state) {
        return declarations.inState(state);
    }
}
