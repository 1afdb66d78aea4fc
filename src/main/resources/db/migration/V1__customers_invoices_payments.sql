-- Portable SQL: the same script runs on H2 (default) and MariaDB (production).
-- Sequences rather than identity columns so Hibernate can batch inserts of large imports.

CREATE SEQUENCE customer_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE contact_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE invoice_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE payment_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE payment_allocation_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE customer (
    id                BIGINT       NOT NULL PRIMARY KEY,
    external_id       VARCHAR(50)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    company_id        VARCHAR(20),
    segment           VARCHAR(50),
    risk_rating       VARCHAR(20),
    credit_limit      DECIMAL(19, 2),
    sales_rep         VARCHAR(100),
    language          VARCHAR(2)   NOT NULL,
    delivery_blocked  BOOLEAN      NOT NULL,
    version           BIGINT       NOT NULL,
    created_at        TIMESTAMP(6) NOT NULL,
    updated_at        TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_customer_external_id UNIQUE (external_id)
);

CREATE TABLE contact (
    id           BIGINT       NOT NULL PRIMARY KEY,
    customer_id  BIGINT       NOT NULL,
    list_index   INT          NOT NULL,
    role         VARCHAR(30)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    email        VARCHAR(254),
    phone        VARCHAR(30),
    CONSTRAINT fk_contact_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_contact_customer ON contact (customer_id);

CREATE TABLE invoice (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    number              VARCHAR(50)   NOT NULL,
    customer_id         BIGINT        NOT NULL,
    issue_date          DATE          NOT NULL,
    due_date            DATE          NOT NULL,
    amount              DECIMAL(19, 2) NOT NULL,
    currency            VARCHAR(3) NOT NULL,
    outstanding_amount  DECIMAL(19, 2) NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    version             BIGINT        NOT NULL,
    created_at          TIMESTAMP(6)  NOT NULL,
    updated_at          TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uk_invoice_number UNIQUE (number),
    CONSTRAINT fk_invoice_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
-- Serves "open invoices of a customer, oldest first" (payment allocation, account view).
CREATE INDEX ix_invoice_customer_due ON invoice (customer_id, due_date);

CREATE TABLE payment (
    id                  BIGINT         NOT NULL PRIMARY KEY,
    bank_reference      VARCHAR(100)   NOT NULL,
    payment_date        DATE           NOT NULL,
    amount              DECIMAL(19, 2) NOT NULL,
    currency            VARCHAR(3)  NOT NULL,
    customer_id         BIGINT         NOT NULL,
    unallocated_amount  DECIMAL(19, 2) NOT NULL,
    recorded_by         VARCHAR(100),
    recorded_at         TIMESTAMP(6)   NOT NULL,
    CONSTRAINT uk_payment_bank_reference UNIQUE (bank_reference),
    CONSTRAINT fk_payment_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_payment_customer ON payment (customer_id);

CREATE TABLE payment_allocation (
    id          BIGINT         NOT NULL PRIMARY KEY,
    payment_id  BIGINT         NOT NULL,
    invoice_id  BIGINT         NOT NULL,
    amount      DECIMAL(19, 2) NOT NULL,
    CONSTRAINT fk_allocation_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT fk_allocation_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);
CREATE INDEX ix_allocation_payment ON payment_allocation (payment_id);
CREATE INDEX ix_allocation_invoice ON payment_allocation (invoice_id);
