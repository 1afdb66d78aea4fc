CREATE SEQUENCE injunction_filing_seq START WITH 1 INCREMENT BY 50;

-- An injunction to pay (Code de procédure civile 1405 and following) asked for one collection case, at most once:
-- the request as filed (its PDF and SHA-256), the amounts computed to the day it was prepared, then the court's order,
-- its service on the debtor, the opposition window and the outcome.
CREATE TABLE injunction_filing (
    id                   BIGINT         NOT NULL PRIMARY KEY,
    customer_id          BIGINT         NOT NULL,
    case_id              VARCHAR(64)    NOT NULL,
    status               VARCHAR(20)    NOT NULL,
    currency             VARCHAR(3)     NOT NULL,
    principal            DECIMAL(19, 2) NOT NULL,
    interest             DECIMAL(19, 2) NOT NULL,
    compensation         DECIMAL(19, 2) NOT NULL,
    computed_to          DATE           NOT NULL,
    decided_by           VARCHAR(100),
    prepared_at          TIMESTAMP(6)   NOT NULL,
    document             LONGBLOB       NOT NULL,
    document_sha256      VARCHAR(64)    NOT NULL,
    court                VARCHAR(200),
    filed_on             DATE,
    filed_by             VARCHAR(100),
    order_date           DATE,
    order_reference      VARCHAR(100),
    served_on            DATE,
    opposition_deadline  DATE,
    opposition_filed     BOOLEAN,
    recovered_amount     DECIMAL(19, 2),
    closed_on            DATE,
    CONSTRAINT uk_injunction_filing_case UNIQUE (case_id),
    CONSTRAINT fk_injunction_filing_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

CREATE TABLE injunction_filing_invoice (
    filing_id       BIGINT         NOT NULL,
    list_index      INT            NOT NULL,
    invoice_id      BIGINT         NOT NULL,
    invoice_number  VARCHAR(50)    NOT NULL,
    issue_date      DATE           NOT NULL,
    due_date        DATE           NOT NULL,
    outstanding     DECIMAL(19, 2) NOT NULL,
    interest        DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (filing_id, list_index),
    CONSTRAINT fk_injunction_filing_invoice FOREIGN KEY (filing_id) REFERENCES injunction_filing (id)
);
