-- A credit note lowers what the customer owes without being a payment.
ALTER TABLE invoice ADD COLUMN credited_amount DECIMAL(19, 2) DEFAULT 0 NOT NULL;

CREATE SEQUENCE dispute_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE dispute (
    id                  BIGINT         NOT NULL PRIMARY KEY,
    invoice_id          BIGINT         NOT NULL,
    -- Equals invoice_id while the dispute is open, NULL once resolved: at most one open dispute per invoice.
    open_invoice_id     BIGINT,
    category            VARCHAR(30)    NOT NULL,
    description         VARCHAR(2000),
    routed_group        VARCHAR(50),
    status              VARCHAR(20)    NOT NULL,
    resolution          VARCHAR(30),
    resolution_amount   DECIMAL(19, 2),
    resolution_comment  VARCHAR(2000),
    opened_by           VARCHAR(100),
    opened_at           TIMESTAMP(6)   NOT NULL,
    resolved_by         VARCHAR(100),
    resolved_at         TIMESTAMP(6),
    version             BIGINT         NOT NULL,
    CONSTRAINT uk_dispute_open_invoice UNIQUE (open_invoice_id),
    CONSTRAINT fk_dispute_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);
CREATE INDEX ix_dispute_invoice ON dispute (invoice_id);
