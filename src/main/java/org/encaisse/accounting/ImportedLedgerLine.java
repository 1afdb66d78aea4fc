package org.encaisse.accounting;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** A credit line of an accounting file, recorded once; see V17__imported_ledger_lines.sql. */
@Entity
class ImportedLedgerLine implements Persistable<String> {

    @Id
    private String lineKey;
    @Enumerated(EnumType.STRING)
    private FecReceivables.CreditKind kind;
    private String customerExternalId;
    private BigDecimal amount;
    private String currency;
    private String fileName;
    private Instant importedAt;
    @Transient
    private boolean fresh;

    protected ImportedLedgerLine() {
    }

    ImportedLedgerLine(FecReceivables.CreditDraft credit, String fileName, Instant importedAt) {
        this.lineKey = credit.key();
        this.kind = credit.kind();
        this.customerExternalId = credit.customer();
        this.amount = credit.amount();
        this.currency = credit.currency();
        this.fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        this.importedAt = importedAt;
        this.fresh = true;
    }

    @Override
    public String getId() {
        return lineKey;
    }

    /** Always inserted, never merged: a key seen before is skipped before an entity is made. */
    @Override
    public boolean isNew() {
        return fresh;
    }
}
