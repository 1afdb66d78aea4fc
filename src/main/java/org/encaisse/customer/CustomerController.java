package org.encaisse.customer;

import java.util.List;

import org.encaisse.input.ImportSummary;
import org.encaisse.input.Positioned;
import org.encaisse.input.SavedMappings;
import org.encaisse.input.Upload;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class CustomerController {

    private final CustomerImport customerImport;

    private final SavedMappings mappings;

    CustomerController(CustomerImport customerImport, SavedMappings mappings) {
        this.customerImport = customerImport;
        this.mappings = mappings;
    }

    /** One customer or an array of them; Jackson accepts a single object as a one-element array. */
    @PostMapping(path = "/api/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportSummary upsert(@RequestBody List<CustomerRecord> customers) {
        return customerImport.importRecords(Positioned.items(customers), "the customers sent");
    }

    @PostMapping(path = "/api/imports/customers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportSummary importCsv(@RequestPart("file") MultipartFile file,
                            @RequestParam(name = "mapping", required = false) String mapping,
                            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) {
        Upload upload = Upload.of(file, "customers.csv");
        return customerImport.importCsv(upload.name(), upload.content(), mappings.columns(customerImport.kind(), mapping), dryRun);
    }
}
