-- The customer-account credits of accounting files (FEC) already imported, by the line's identity in the
-- accounts (journal, entry number, entry date, rank in the entry), so that the same FEC imported again, or
-- next month's FEC repeating this month's entries, records nothing twice. Invoices are known by number and
-- payments by bank reference already; credit notes have no other key.
CREATE TABLE imported_ledger_line (
    line_key              VARCHAR(200)   NOT NULL PRIMARY KEY,
    kind                  VARCHAR(20)    NOT NULL,
    customer_external_id  VARCHAR(50)    NOT NULL,
    amount                DECIMAL(19, 2) NOT NULL,
    currency              VARCHAR(3)     NOT NULL,
    file_name             VARCHAR(255)   NOT NULL,
    imported_at           TIMESTAMP(6)   NOT NULL
);
