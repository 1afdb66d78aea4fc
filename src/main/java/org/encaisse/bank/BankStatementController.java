package org.encaisse.bank;

import org.encaisse.input.Upload;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The bank's statements in: CAMT.053 or CFONB 120, payments received matched to customers and invoices. */
@RestController
class BankStatementController {

    private final BankStatementImport statements;

    BankStatementController(BankStatementImport statements) {
        this.statements = statements;
    }

    @PostMapping(path = "/api/imports/bank-statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    BankStatementSummary importStatement(@RequestPart("file") MultipartFile file,
                                         @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) {
        Upload upload = Upload.of(file, "statement");
        return statements.importFile(upload.name(), upload.content(), dryRun);
    }
}
