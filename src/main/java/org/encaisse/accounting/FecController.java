package org.encaisse.accounting;

import org.encaisse.input.Upload;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The accounting system's FEC in: customers, invoices, payments and credit notes in one file. */
@RestController
class FecController {

    private final FecImport fecImport;

    FecController(FecImport fecImport) {
        this.fecImport = fecImport;
    }

    @PostMapping(path = "/api/imports/fec", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    FecImportSummary importFec(@RequestPart("file") MultipartFile file,
                               @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) {
        return fecImport.importFile(Upload.nameOf(file, "FEC.txt"), file, dryRun);
    }
}
