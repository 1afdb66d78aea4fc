package org.encaisse.court;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface InjunctionFilings extends JpaRepository<InjunctionFiling, Long> {

    Optional<InjunctionFiling> findByCaseId(String caseId);
}
