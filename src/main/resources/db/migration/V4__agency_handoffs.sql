CREATE SEQUENCE agency_handoff_seq START WITH 1 INCREMENT BY 50;

-- A case handed to a collection agency: once per case.
CREATE TABLE agency_handoff (
    id                BIGINT         NOT NULL PRIMARY KEY,
    customer_id       BIGINT         NOT NULL,
    case_id           VARCHAR(64)    NOT NULL,
    amount            DECIMAL(19, 2) NOT NULL,
    currency          VARCHAR(3)     NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    agency_reference  VARCHAR(100),
    recovered_amount  DECIMAL(19, 2),
    approved_by       VARCHAR(100),
    handed_over_at    TIMESTAMP(6)   NOT NULL,
    CONSTRAINT uk_agency_handoff_case UNIQUE (case_id),
    CONSTRAINT fk_agency_handoff_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
