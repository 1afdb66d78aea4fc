package org.encaisse.accounting;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ImportedLedgerLines extends JpaRepository<ImportedLedgerLine, String> {

    @Query("select l.lineKey from ImportedLedgerLine l where l.lineKey in :keys")
    List<String> findKnownKeys(Collection<String> keys);
}
