package org.encaisse.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/** A debtor account, known to the accounting system by its external id. */
@Entity
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    private String externalId;
    private String name;
    private String companyId;
    private String segment;

    @Enumerated(EnumType.STRING)
    private RiskRating riskRating;

    private BigDecimal creditLimit;
    private String salesRep;
    private String language;
    private String address;
    private BigDecimal latePaymentRate;
    private boolean deliveryBlocked;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "customer_id", nullable = false)
    @OrderColumn(name = "list_index")
    private List<Contact> contacts = new ArrayList<>();

    /** {@link NameWords} of the name, kept with it: how a payer's name on a transfer finds its customer. */
    @ElementCollection
    @CollectionTable(name = "customer_name_word", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "word")
    private Set<String> nameWords = new HashSet<>();

    @Version
    private long version;

    private Instant createdAt;
    private Instant updatedAt;

    protected Customer() {
    }

    public Customer(String externalId) {
        this.externalId = externalId;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /**
     * Takes the values of an import; contacts are replaced only when the import carries them.
     *
     * @return whether anything changed
     */
    boolean update(CustomerDetails details, List<Contact> newContacts) {
        boolean changed = !details.equals(details());
        if (changed) {
            if (!Objects.equals(name, details.name())) {
                nameWords.clear();
                nameWords.addAll(NameWords.of(details.name()));
            }
            name = details.name();
            companyId = details.companyId();
            segment = details.segment();
            riskRating = details.riskRating();
            creditLimit = details.creditLimit();
            salesRep = details.salesRep();
            language = details.language();
            address = details.address();
            latePaymentRate = details.latePaymentRate();
        }
        if (newContacts != null && !sameContacts(newContacts)) {
            contacts.clear();
            contacts.addAll(newContacts);
            changed = true;
        }
        if (changed) {
            updatedAt = Instant.now();
        }
        return changed;
    }

    /** @return whether this changed the flag */
    boolean blockDeliveries(boolean blocked) {
        if (deliveryBlocked == blocked) {
            return false;
        }
        deliveryBlocked = blocked;
        updatedAt = Instant.now();
        return true;
    }

    private CustomerDetails details() {
        return new CustomerDetails(name, companyId, segment, riskRating, creditLimit, salesRep, language, address,
                latePaymentRate);
    }

    private boolean sameContacts(List<Contact> others) {
        if (others.size() != contacts.size()) {
            return false;
        }
        for (int i = 0; i < others.size(); i++) {
            if (!contacts.get(i).sameAs(others.get(i))) {
                return false;
            }
        }
        return true;
    }

    public Long getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getName() {
        return name;
    }

    public String getCompanyId() {
        return companyId;
    }

    public String getSegment() {
        return segment;
    }

    public RiskRating getRiskRating() {
        return riskRating;
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public String getSalesRep() {
        return salesRep;
    }

    public String getLanguage() {
        return language;
    }

    /** The postal address as written, one line per line of the envelope. */
    public String getAddress() {
        return address;
    }

    /** The address's lines, as imported with line breaks or "|" between them; none when there is no address. */
    public List<String> addressLines() {
        if (address == null || address.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(address.split("\\R|\\|")).map(String::strip).filter(line -> !line.isEmpty())
                .toList();
    }

    /** The yearly interest rate of the customer's terms, in percent; null when the statutory rate applies. */
    public BigDecimal getLatePaymentRate() {
        return latePaymentRate;
    }

    public boolean isDeliveryBlocked() {
        return deliveryBlocked;
    }

    public List<Contact> getContacts() {
        return Collections.unmodifiableList(contacts);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The customer's fields that an import sets, compared as a whole to detect unchanged lines. */
    record CustomerDetails(String name, String companyId, String segment, RiskRating riskRating,
                           BigDecimal creditLimit, String salesRep, String language, String address,
                           BigDecimal latePaymentRate) {

        @Override
        public boolean equals(Object other) {
            return other instanceof CustomerDetails that
                    && Objects.equals(name, that.name) && Objects.equals(companyId, that.companyId)
                    && Objects.equals(segment, that.segment) && riskRating == that.riskRating
                    && sameNumber(creditLimit, that.creditLimit)
                    && Objects.equals(salesRep, that.salesRep) && Objects.equals(language, that.language)
                    && Objects.equals(address, that.address) && sameNumber(latePaymentRate, that.latePaymentRate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, companyId, segment, riskRating, salesRep, language, address);
        }

        private static boolean sameNumber(BigDecimal one, BigDecimal other) {
            return one == null ? other == null : other != null && one.compareTo(other) == 0;
        }
    }
}
