package org.encaisse.input;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ImportMappings extends JpaRepository<ImportMapping, ImportMapping.Key> {

    List<ImportMapping> findByKindOrderByName(String kind);

    List<ImportMapping> findAllByOrderByKindAscNameAsc();
}
