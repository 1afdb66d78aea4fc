-- A customer's credit insurance cover: the insurer, the policy, the limit the insurer granted on this customer
-- and when, and whether it still stands. One cover per customer; the audit trail keeps the earlier ones.
CREATE SEQUENCE insurance_cover_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE insurance_cover (
    id              BIGINT         NOT NULL PRIMARY KEY,
    customer_id     BIGINT         NOT NULL,
    insurer         VARCHAR(100)   NOT NULL,
    policy_number   VARCHAR(50)    NOT NULL,
    granted_limit   DECIMAL(19, 2) NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    granted_on      DATE           NOT NULL,
    state           VARCHAR(20)    NOT NULL,
    updated_by      VARCHAR(100)   NOT NULL,
    updated_at      TIMESTAMP(6)   NOT NULL,
    CONSTRAINT uk_insurance_cover_customer UNIQUE (customer_id),
    CONSTRAINT fk_insurance_cover_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

-- The overdue invoices of an insured customer that must be declared to the insurer by a deadline (the policy's
-- maximum extension period after the oldest one's due date), and what became of them: declared in time with the
-- insurer's reference, paid before, or cover lost. One per CreditInsuranceProcess instance.
CREATE SEQUENCE insurance_declaration_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE insurance_declaration (
    id                  BIGINT         NOT NULL PRIMARY KEY,
    customer_id         BIGINT         NOT NULL,
    process_instance_id VARCHAR(64)    NOT NULL,
    insurer             VARCHAR(100)   NOT NULL,
    policy_number       VARCHAR(50)    NOT NULL,
    deadline            DATE           NOT NULL,
    state               VARCHAR(20)    NOT NULL,
    insurer_reference   VARCHAR(100),
    settled_by          VARCHAR(100),
    settled_at          TIMESTAMP(6),
    created_at          TIMESTAMP(6)   NOT NULL,
    CONSTRAINT uk_insurance_declaration_process UNIQUE (process_instance_id),
    CONSTRAINT fk_insurance_declaration_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_insurance_declaration_customer ON insurance_declaration (customer_id, state);

-- The invoices a declaration is about, with what was overdue on each when it was planned.
CREATE TABLE insurance_declared_invoice (
    declaration_id  BIGINT         NOT NULL,
    invoice_number  VARCHAR(64)    NOT NULL,
    due_date        DATE           NOT NULL,
    outstanding     DECIMAL(19, 2) NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    CONSTRAINT pk_insurance_declared_invoice PRIMARY KEY (declaration_id, invoice_number),
    CONSTRAINT fk_insurance_declared_invoice FOREIGN KEY (declaration_id) REFERENCES insurance_declaration (id)
);
CREATE INDEX ix_insurance_declared_invoice_number ON insurance_declared_invoice (invoice_number);
