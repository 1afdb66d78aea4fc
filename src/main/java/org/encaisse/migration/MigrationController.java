package org.encaisse.migration;

import org.encaisse.input.BadQueryException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Managers move running cases to the version they deployed from Modeler. */
@RestController
class MigrationController {

    private final ProcessMigrations migrations;

    MigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    /**
     * {@code targetVersion} defaults to the latest; {@code dryRun} reports what would move without
     * moving anything; {@code processInstanceIds} limits the move to those instances.
     */
    record MigrationRequest(String processDefinitionKey, Integer targetVersion, Boolean dryRun,
                            java.util.List<String> processInstanceIds) {
    }

    @PostMapping("/api/process-migrations")
    ProcessMigrations.Report migrate(@RequestBody MigrationRequest request) {
        if (request.processDefinitionKey() == null || request.processDefinitionKey().isBlank()) {
            throw new BadQueryException("processDefinitionKey", String.valueOf(request.processDefinitionKey()),
                    "the key of a deployed process, such as CollectionCaseProcess, is expected");
        }
        return migrations.migrate(request.processDefinitionKey().strip(), request.targetVersion(),
                Boolean.TRUE.equals(request.dryRun()),
                request.processInstanceIds() == null ? java.util.List.of() : request.processInstanceIds());
    }
}
