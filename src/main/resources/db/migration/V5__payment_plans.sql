CREATE SEQUENCE payment_plan_seq START WITH 1 INCREMENT BY 50;

-- An "échéancier" agreed with a customer in difficulty; at most one per case at a time.
CREATE TABLE payment_plan (
    id            BIGINT         NOT NULL PRIMARY KEY,
    customer_id   BIGINT         NOT NULL,
    case_id       VARCHAR(64)    NOT NULL,
    total_amount  DECIMAL(19, 2) NOT NULL,
    currency      VARCHAR(3)     NOT NULL,
    status        VARCHAR(20)    NOT NULL,
    proposed_by   VARCHAR(100),
    approved_by   VARCHAR(100),
    created_at    TIMESTAMP(6)   NOT NULL,
    started_at    TIMESTAMP(6),
    version       BIGINT         NOT NULL,
    CONSTRAINT fk_payment_plan_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_payment_plan_customer ON payment_plan (customer_id);

CREATE TABLE payment_plan_installment (
    payment_plan_id  BIGINT         NOT NULL,
    list_index       INT            NOT NULL,
    due_date         DATE           NOT NULL,
    amount           DECIMAL(19, 2) NOT NULL,
    status           VARCHAR(20)    NOT NULL,
    PRIMARY KEY (payment_plan_id, list_index),
    CONSTRAINT fk_installment_plan FOREIGN KEY (payment_plan_id) REFERENCES payment_plan (id)
);

CREATE TABLE payment_plan_invoice (
    payment_plan_id  BIGINT NOT NULL,
    invoice_id       BIGINT NOT NULL,
    PRIMARY KEY (payment_plan_id, invoice_id),
    CONSTRAINT fk_plan_invoice_plan FOREIGN KEY (payment_plan_id) REFERENCES payment_plan (id),
    CONSTRAINT fk_plan_invoice_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);
