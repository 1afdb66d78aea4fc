package org.encaisse.input;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ImportRuns extends JpaRepository<ImportRun, Long> {

    List<ImportRun> findAllByOrderByImportedAtDescIdDesc(Pageable page);
}
