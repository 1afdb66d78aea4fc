-- A payment the customer says it made (from its portal page): date, amount, the transfer's reference, the invoices
-- it pays, until a collector checks it against the bank.
CREATE SEQUENCE payment_announcement_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE payment_announcement (
    id               BIGINT         NOT NULL PRIMARY KEY,
    customer_id      BIGINT         NOT NULL,
    paid_on          DATE           NOT NULL,
    amount           DECIMAL(19, 2) NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    bank_reference   VARCHAR(100),
    invoice_numbers  VARCHAR(2000),
    status           VARCHAR(20)    NOT NULL,
    announced_by     VARCHAR(100)   NOT NULL,
    announced_at     TIMESTAMP(6)   NOT NULL,
    checked_by       VARCHAR(100),
    checked_at       TIMESTAMP(6),
    check_comment    VARCHAR(2000),
    CONSTRAINT fk_payment_announcement_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_payment_announcement_customer ON payment_announcement (customer_id, status);
