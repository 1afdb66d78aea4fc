package org.encaisse.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.encaisse.input.NotFoundException;
import org.encaisse.input.QueryChunks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** How the other features find customers. */
@Service
@Transactional(readOnly = true)
public class CustomerDirectory {

    private final Customers customers;
    private final CustomerIbans ibans;
    private final java.time.Clock clock;
    private final org.encaisse.audit.AuditTrail audit;

    CustomerDirectory(Customers customers, CustomerIbans ibans, java.time.Clock clock, org.encaisse.audit.AuditTrail audit) {
        this.customers = customers;
        this.ibans = ibans;
        this.clock = clock;
        this.audit = audit;
    }

    public Optional<Customer> find(String externalId) {
        return customers.findByExternalId(externalId);
    }

    public Customer get(String externalId) {
        return find(externalId).orElseThrow(() -> new NotFoundException("No customer with externalId '" + externalId + "'."));
    }

    public Customer get(Long id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("No customer with id " + id + "."));
    }

    public List<Customer> all(Collection<Long> ids) {
        return customers.findAllById(ids);
    }

    /** The customers among {@code externalIds} that exist, by external id. */
    public Map<String, Customer> findAll(Collection<String> externalIds) {
        Map<String, Customer> found = new HashMap<>();
        for (List<String> chunk : QueryChunks.of(externalIds)) {
            customers.findByExternalIdIn(chunk).forEach(customer -> found.put(customer.getExternalId(), customer));
        }
        return found;
    }

    /**
     * Locks the customer's row until the caller's transaction ends, so that work on one account
     * (allocating a payment, say) happens one at a time while other accounts go on in parallel.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Customer lock(Long id) {
        return customers.lockById(id).orElseThrow(() -> new NotFoundException("No customer with id " + id + "."));
    }

    /** Locks these customers, as {@link #lock} does one, a chunk a query; the customers found, by id. */
    public Map<Long, Customer> lockAll(Collection<Long> ids) {
        Map<Long, Customer> locked = new HashMap<>();
        for (List<Long> chunk : org.encaisse.input.QueryChunks.of(new java.util.TreeSet<>(ids))) {
            customers.lockAllById(chunk).forEach(customer -> locked.put(customer.getId(), customer));
        }
        return locked;
    }

    /** The credit manager's delivery block: sales and logistics ship nothing more until it is lifted. */
    @Transactional
    public void blockDeliveries(Long id, boolean blocked) {
        customers.findById(id).orElseThrow(() -> new NotFoundException("No customer with id " + id + "."))
                .blockDeliveries(blocked);
    }

    /** {@link #payingFrom} for many IBANs at once, by IBAN as given; an IBAN nobody pays from is left out. */
    public Map<String, List<Long>> payingFromAny(Collection<String> givenIbans) {
        Map<String, List<String>> givenByNormalized = new HashMap<>();
        givenIbans.forEach(iban -> givenByNormalized.computeIfAbsent(Ibans.normalized(iban), key -> new java.util.ArrayList<>())
                .add(iban));
        Map<String, List<Long>> payers = new HashMap<>();
        for (List<String> chunk : org.encaisse.input.QueryChunks.of(givenByNormalized.keySet())) {
            ibans.findByIbanIn(chunk).stream().sorted(java.util.Comparator.comparing(CustomerIban::getCustomerId))
                    .forEach(known -> givenByNormalized.get(known.getIban()).forEach(given ->
                            payers.computeIfAbsent(given, key -> new java.util.ArrayList<>()).add(known.getCustomerId())));
        }
        return payers;
    }

    /**
     * Remembers that the customer pays from {@code iban}, once; {@code learntFrom} says how it was learnt
     * (for example the bank entry a collector matched by hand).
     *
     * @return whether the IBAN was new for this customer
     */
    @Transactional
    public boolean learnIban(Long customerId, String iban, String learntFrom) {
        String normalized = Ibans.normalized(iban);
        if (normalized.isEmpty() || ibans.existsByIbanAndCustomerId(normalized, customerId)) {
            return false;
        }
        ibans.save(new CustomerIban(customerId, normalized, learntFrom, clock.instant()));
        return true;
    }

    /** An account the customer pays from, and how Encaisse came to know it. */
    public record KnownIban(String iban, String learntFrom, java.time.Instant learntAt) {
    }

    public List<KnownIban> ibansOf(Long customerId) {
        return ibans.findByCustomerIdOrderByLearntAt(customerId).stream()
                .map(iban -> new KnownIban(iban.getIban(), iban.getLearntFrom(), iban.getLearntAt())).toList();
    }

    /** Someone states, from the customer's bank details, an account it pays from. */
    @Transactional
    public void stateIban(Long customerId, String iban, String by) {
        if (learnIban(customerId, iban, "stated by " + by)) {
            audit.append(by, "CUSTOMER_IBAN_STATED", customerId, "customer " + get(customerId).getExternalId(),
                    List.of(), "pays from " + Ibans.normalized(iban));
        }
    }

    /**
     * The bank matching stops trusting {@code iban} for this customer (a wrong match taught it).
     *
     * @return whether the customer was known to pay from it
     */
    @Transactional
    public boolean forgetIban(Long customerId, String iban, String by) {
        if (ibans.deleteByIbanAndCustomerId(Ibans.normalized(iban), customerId) == 0) {
            return false;
        }
        audit.append(by, "CUSTOMER_IBAN_FORGOTTEN", customerId, "customer " + get(customerId).getExternalId(),
                List.of(), "no longer trusted to pay from " + Ibans.normalized(iban));
        return true;
    }

    /** {@link #named} for many words at once: by word, the customers whose name has it, by name, at most {@code limit}. */
    public Map<String, List<Customer>> namedAny(Collection<String> words, int limit) {
        Map<String, List<Customer>> named = new HashMap<>();
        for (List<String> chunk : QueryChunks.of(words)) {
            for (Object[] row : customers.findByNameWordIn(chunk)) {
                List<Customer> ofWord = named.computeIfAbsent((String) row[0], word -> new java.util.ArrayList<>());
                if (ofWord.size() < limit) {
                    ofWord.add((Customer) row[1]);
                }
            }
        }
        return named;
    }

    public long count() {
        return customers.count();
    }
}
