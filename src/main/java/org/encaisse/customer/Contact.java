package org.encaisse.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

@Entity
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    private ContactRole role;

    private String name;
    private String email;
    private String phone;

    protected Contact() {
    }

    public Contact(ContactRole role, String name, String email, String phone) {
        this.role = role;
        this.name = name;
        this.email = email;
        this.phone = phone;
    }

    public ContactRole getRole() {
        return role;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    boolean sameAs(Contact other) {
        return role == other.role && java.util.Objects.equals(name, other.name)
                && java.util.Objects.equals(email, other.email) && java.util.Objects.equals(phone, other.phone);
    }
}
