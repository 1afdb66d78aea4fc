-- Letters: the customer's postal address and contractual late-payment rate; the delivery state of
-- each communication (the outbox) and the document that went out.

ALTER TABLE customer ADD COLUMN address VARCHAR(500);
-- Yearly percent written in the customer's terms; NULL means the statutory rate table applies.
ALTER TABLE customer ADD COLUMN late_payment_rate DECIMAL(6, 3);

ALTER TABLE communication ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
-- A sender owns a communication while claimed_until is in the future; a node that died mid-way
-- leaves a claim that expires, and the next attempt takes it over.
ALTER TABLE communication ADD COLUMN claimed_until TIMESTAMP(6);
ALTER TABLE communication ADD COLUMN last_error VARCHAR(1000);
ALTER TABLE communication ADD COLUMN sent_at TIMESTAMP(6);
ALTER TABLE communication ADD COLUMN message_id VARCHAR(200);
ALTER TABLE communication ADD COLUMN total_interest DECIMAL(19, 2);
ALTER TABLE communication ADD COLUMN total_compensation DECIMAL(19, 2);
ALTER TABLE communication ADD COLUMN subject VARCHAR(300);

ALTER TABLE communication_invoice ADD COLUMN interest DECIMAL(19, 2);
CREATE INDEX ix_communication_invoice_invoice ON communication_invoice (invoice_id);

-- Installments a payment-plan letter sets out.
CREATE TABLE communication_installment (
    communication_id  BIGINT         NOT NULL,
    list_index        INT            NOT NULL,
    due_date          DATE           NOT NULL,
    amount            DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (communication_id, list_index),
    CONSTRAINT fk_communication_installment FOREIGN KEY (communication_id) REFERENCES communication (id)
);

-- The PDF exactly as sent, kept with its checksum for the case file.
CREATE TABLE communication_document (
    communication_id  BIGINT        NOT NULL PRIMARY KEY,
    file_name         VARCHAR(200)  NOT NULL,
    content           LONGBLOB      NOT NULL,
    size_bytes        INT           NOT NULL,
    sha256            VARCHAR(64)   NOT NULL,
    created_at        TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_communication_document FOREIGN KEY (communication_id) REFERENCES communication (id)
);
