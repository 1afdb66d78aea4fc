-- The credit entries of the bank's statements (CAMT.053, CFONB 120), one row per payment received, known by
-- the bank's reference so that a statement imported twice records nothing twice. An entry is applied by a
-- matching rule, left to a collector ("Rapprocher le paiement"), matched by that collector, or set aside as
-- not a customer's payment.
CREATE SEQUENCE bank_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE bank_entry (
    id                   BIGINT         NOT NULL PRIMARY KEY,
    bank_reference       VARCHAR(100)   NOT NULL,
    account              VARCHAR(40)    NOT NULL,
    statement_id         VARCHAR(100)   NOT NULL,
    booking_date         DATE           NOT NULL,
    value_date           DATE,
    amount               DECIMAL(19, 2) NOT NULL,
    currency             VARCHAR(3)     NOT NULL,
    debtor_name          VARCHAR(200),
    debtor_iban          VARCHAR(34),
    remittance           VARCHAR(1000),
    status               VARCHAR(20)    NOT NULL,
    matched_rule         VARCHAR(40),
    matched_by           VARCHAR(100),
    customer_id          BIGINT,
    file_name            VARCHAR(255)   NOT NULL,
    imported_at          TIMESTAMP(6)   NOT NULL,
    settled_at           TIMESTAMP(6),
    version              BIGINT         NOT NULL,
    CONSTRAINT uk_bank_entry_reference UNIQUE (bank_reference),
    CONSTRAINT fk_bank_entry_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_bank_entry_status ON bank_entry (status);

-- The accounts customers pay from, learnt when a collector matches a transfer by hand (or given by import):
-- the next transfer from the same IBAN is that customer's. One IBAN may pay for several customers (a group's
-- treasury), which is why the rule that uses it applies only when it names exactly one.
CREATE SEQUENCE customer_iban_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE customer_iban (
    id           BIGINT        NOT NULL PRIMARY KEY,
    customer_id  BIGINT        NOT NULL,
    iban         VARCHAR(34)   NOT NULL,
    learnt_from  VARCHAR(200)  NOT NULL,
    learnt_at    TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uk_customer_iban UNIQUE (iban, customer_id),
    CONSTRAINT fk_customer_iban_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

-- Serves "which open invoice is of exactly this amount", asked for every transfer a collector matches by hand.
CREATE INDEX ix_invoice_outstanding ON invoice (outstanding_amount);
