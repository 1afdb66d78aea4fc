CREATE SEQUENCE communication_seq START WITH 1 INCREMENT BY 50;

-- Every letter, email and call of the recovery path. step_key makes a step record once, however
-- often its job runs: case (process instance) and step.
CREATE TABLE communication (
    id                 BIGINT         NOT NULL PRIMARY KEY,
    step_key           VARCHAR(200)   NOT NULL,
    customer_id        BIGINT         NOT NULL,
    case_id            VARCHAR(64),
    step               VARCHAR(40)    NOT NULL,
    level              INT            NOT NULL,
    channel            VARCHAR(30)    NOT NULL,
    template           VARCHAR(100)   NOT NULL,
    language           VARCHAR(2)     NOT NULL,
    recipient_role     VARCHAR(30),
    recipient_name     VARCHAR(200),
    recipient_email    VARCHAR(254),
    currency           VARCHAR(3)     NOT NULL,
    total_outstanding  DECIMAL(19, 2) NOT NULL,
    status             VARCHAR(20)    NOT NULL,
    created_at         TIMESTAMP(6)   NOT NULL,
    CONSTRAINT uk_communication_step_key UNIQUE (step_key),
    CONSTRAINT fk_communication_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_communication_customer ON communication (customer_id, created_at);

-- The invoices a communication covered, as they stood when it was recorded.
CREATE TABLE communication_invoice (
    communication_id  BIGINT         NOT NULL,
    list_index        INT            NOT NULL,
    invoice_id        BIGINT         NOT NULL,
    invoice_number    VARCHAR(50)    NOT NULL,
    issue_date        DATE           NOT NULL,
    due_date          DATE           NOT NULL,
    amount            DECIMAL(19, 2) NOT NULL,
    outstanding       DECIMAL(19, 2) NOT NULL,
    days_late         INT            NOT NULL,
    PRIMARY KEY (communication_id, list_index),
    CONSTRAINT fk_communication_invoice FOREIGN KEY (communication_id) REFERENCES communication (id)
);

CREATE SEQUENCE promise_to_pay_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE promise_to_pay (
    id              BIGINT         NOT NULL PRIMARY KEY,
    customer_id     BIGINT         NOT NULL,
    case_id         VARCHAR(64)    NOT NULL,
    promised_date   DATE           NOT NULL,
    amount          DECIMAL(19, 2) NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    recorded_by     VARCHAR(100),
    recorded_at     TIMESTAMP(6)   NOT NULL,
    CONSTRAINT fk_promise_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_promise_customer ON promise_to_pay (customer_id);
