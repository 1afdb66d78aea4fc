package org.encaisse.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PortalTokenRows extends JpaRepository<PortalToken, Long> {

    Optional<PortalToken> findByTokenHash(String tokenHash);

    List<PortalToken> findByCustomerIdAndRevokedAtIsNull(Long customerId);
}
