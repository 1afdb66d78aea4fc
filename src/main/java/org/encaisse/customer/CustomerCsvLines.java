package org.encaisse.customer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.encaisse.customer.CustomerRecord.ContactRecord;
import org.encaisse.input.CsvFile;
import org.encaisse.input.Positioned;
import org.encaisse.input.SourcePosition;

/**
 * Reads a customer CSV where a customer with several contacts spans several lines sharing its
 * externalId: the first line gives the customer; a following line whose customer columns are
 * blank or repeat the first line's adds one more contact.
 */
final class CustomerCsvLines implements ContactLocator {

    private final CsvFile file;
    private final Map<ContactRecord, SourcePosition> contactLines = new IdentityHashMap<>();

    CustomerCsvLines(CsvFile file) {
        this.file = file;
    }

    List<Positioned<CustomerRecord>> records() {
        boolean hasContacts = file.rows().stream().findFirst()
                .map(row -> CustomerImport.CONTACT_COLUMNS.stream().anyMatch(row.values()::containsKey))
                .orElse(false);
        Map<String, CsvFile.Row> firstRows = new LinkedHashMap<>();
        Map<String, Positioned<CustomerRecord>> firstRecords = new LinkedHashMap<>();
        List<Positioned<CustomerRecord>> records = new ArrayList<>();
        for (CsvFile.Row row : file.rows()) {
            String externalId = Objects.requireNonNullElse(row.get("externalId"), "").strip();
            ContactRecord contact = hasContacts ? contactOf(row) : null;
            CsvFile.Row firstRow = externalId.isEmpty() ? null : firstRows.get(externalId);
            if (firstRow != null && continues(firstRow, row)) {
                if (contact != null) {
                    firstRecords.get(externalId).record().contacts().add(contact);
                }
                continue;
            }
            List<ContactRecord> contacts = hasContacts ? new ArrayList<>() : null;
            if (contact != null) {
                contacts.add(contact);
            }
            Positioned<CustomerRecord> record = new Positioned<>(row.position(), new CustomerRecord(
                    row.get("externalId"), row.get("name"), row.get("companyId"), row.get("segment"),
                    row.get("riskRating"), row.get("creditLimit"), row.get("salesRep"), row.get("language"),
                    row.get("address"), row.get("latePaymentRate"), contacts));
            if (firstRow == null) {
                firstRows.put(externalId, row);
                firstRecords.put(externalId, record);
            }
            records.add(record);
        }
        return records;
    }

    @Override
    public SourcePosition position(SourcePosition customer, ContactRecord contact) {
        return contactLines.getOrDefault(contact, customer);
    }

    @Override
    public String field(int index, String name) {
        return "contact" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private ContactRecord contactOf(CsvFile.Row row) {
        boolean empty = CustomerImport.CONTACT_COLUMNS.stream().allMatch(c -> isBlank(row.get(c)));
        if (empty) {
            return null;
        }
        ContactRecord contact = new ContactRecord(row.get("contactRole"), row.get("contactName"),
                row.get("contactEmail"), row.get("contactPhone"));
        contactLines.put(contact, row.position());
        return contact;
    }

    private static boolean continues(CsvFile.Row first, CsvFile.Row row) {
        return CustomerImport.CUSTOMER_COLUMNS.stream()
                .allMatch(column -> isBlank(row.get(column)) || row.get(column).strip().equals(strip(first.get(column))));
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
