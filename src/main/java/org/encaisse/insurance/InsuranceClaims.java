package org.encaisse.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The insurance side of a customer's claim file, when a credit insurer covers it. */
@Service
public class InsuranceClaims {

    private final InsuranceCoverBook covers;
    private final DeclarationDesk declarations;
    private final PolicyRules policies;
    private final Clock clock;

    InsuranceClaims(InsuranceCoverBook covers, DeclarationDesk declarations, PolicyRules policies, Clock clock) {
        this.covers = covers;
        this.declarations = declarations;
        this.policies = policies;
        this.clock = clock;
    }

    /** Empty when the customer has never had a cover. */
    @Transactional(readOnly = true)
    public Optional<ClaimFacts> of(String externalId) {
        return covers.of(externalId).map(cover -> {
            List<InsuranceDeclaration> all = declarations.ofCustomer(externalId);
            Optional<InsuranceDeclaration> declared = all.stream()
                    .filter(d -> d.getState() == InsuranceDeclaration.State.DECLARED)
                    .max(Comparator.comparing(InsuranceDeclaration::getSettledAt));
            Optional<PolicyRules.Rules> rules = policies.of(cover.insurer(), cover.policyNumber());
            int waiting = rules.map(PolicyRules.Rules::waitingPeriodDays).orElse(0);
            LocalDate claimable = declared.map(d -> LocalDate.ofInstant(d.getSettledAt(), clock.getZone())
                    .plusDays(waiting)).orElse(null);
            return new ClaimFacts(cover.insurer(), cover.policyNumber(), cover.grantedLimit(), cover.currency(),
                    cover.grantedOn(), cover.state(), cover.exposure(), cover.uninsured(),
                    declared.map(InsuranceDeclaration::getDeadline).orElse(null),
                    declared.map(InsuranceDeclaration::getSettledAt).orElse(null),
                    declared.map(InsuranceDeclaration::getInsurerReference).orElse(null), waiting, claimable,
                    rules.map(PolicyRules.Rules::requiredDocuments).orElse(""),
                    rules.map(PolicyRules.Rules::insurerCollects).orElse(false),
                    declared.map(d -> d.getInvoices().stream().map(DeclaredInvoice::number).toList()).orElse(List.of()),
                    all.stream().filter(d -> d.getState() == InsuranceDeclaration.State.COVER_LOST)
                            .flatMap(d -> d.getInvoices().stream()).map(DeclaredInvoice::number).toList());
        });
    }
}
