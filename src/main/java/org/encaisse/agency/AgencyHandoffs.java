package org.encaisse.agency;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyHandoffs extends JpaRepository<AgencyHandoff, Long> {

    Optional<AgencyHandoff> findByCaseId(String caseId);
}
