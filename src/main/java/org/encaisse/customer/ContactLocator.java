package org.encaisse.customer;

import org.encaisse.customer.CustomerRecord.ContactRecord;
import org.encaisse.input.SourcePosition;

/** Where a contact came from, so that its errors name the JSON path or the CSV line and column. */
interface ContactLocator {

    SourcePosition position(SourcePosition customer, ContactRecord contact);

    String field(int index, String name);

    ContactLocator JSON = new ContactLocator() {
        @Override
        public SourcePosition position(SourcePosition customer, ContactRecord contact) {
            return customer;
        }

        @Override
        public String field(int index, String name) {
            return "contacts[" + index + "]." + name;
        }
    };
}
