package org.encaisse.bank;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface BankEntries extends JpaRepository<BankEntry, Long> {

    Optional<BankEntry> findByBankReference(String bankReference);

    List<BankEntry> findByBankReferenceIn(Collection<String> bankReferences);
}
