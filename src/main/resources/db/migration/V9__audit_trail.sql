-- Domain audit entries: appended, never updated; each carries the SHA-256 of its content and of the
-- entry before it, so that a changed or removed entry breaks the chain from there on.
CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_entry (
    id               BIGINT         NOT NULL PRIMARY KEY,
    occurred_at      TIMESTAMP(6)   NOT NULL,
    actor            VARCHAR(100)   NOT NULL,
    action           VARCHAR(60)    NOT NULL,
    customer_id      BIGINT,
    subject          VARCHAR(200)   NOT NULL,
    invoice_numbers  VARCHAR(2000),
    details          VARCHAR(4000),
    previous_hash    VARCHAR(64)    NOT NULL,
    hash             VARCHAR(64)    NOT NULL
);
CREATE INDEX ix_audit_entry_customer ON audit_entry (customer_id, id);

-- The end of the chain, one row, locked by each append so that entries line up one after the other.
CREATE TABLE audit_head (
    id         INT          NOT NULL PRIMARY KEY,
    last_id    BIGINT       NOT NULL,
    last_hash  VARCHAR(64)  NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
