-- What each customer owes by aging band, as of the snapshot's day, kept up to date as invoices and
-- payments change, so that the top debtors and the dashboard read a few rows instead of every invoice.
CREATE TABLE customer_aging (
    customer_id  BIGINT         NOT NULL,
    currency     VARCHAR(3)     NOT NULL,
    not_due      DECIMAL(19, 2) NOT NULL,
    days_1_30    DECIMAL(19, 2) NOT NULL,
    days_31_60   DECIMAL(19, 2) NOT NULL,
    days_61_90   DECIMAL(19, 2) NOT NULL,
    days_91_120  DECIMAL(19, 2) NOT NULL,
    over_120     DECIMAL(19, 2) NOT NULL,
    total        DECIMAL(19, 2) NOT NULL,
    overdue      DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (customer_id, currency),
    CONSTRAINT fk_customer_aging_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
-- Top debtors: the largest overdue amounts first.
CREATE INDEX ix_customer_aging_overdue ON customer_aging (currency, overdue);

-- The day the bands of customer_aging are counted from (one row).
CREATE TABLE aging_snapshot (
    id            INT           NOT NULL PRIMARY KEY,
    as_of         DATE          NOT NULL,
    refreshed_at  TIMESTAMP(6)  NOT NULL
);

-- Receivables at each month end and the month's sales, for the DSO trend.
CREATE TABLE receivables_month (
    month_end    DATE           NOT NULL,
    currency     VARCHAR(3)     NOT NULL,
    sales        DECIMAL(19, 2) NOT NULL,
    receivables  DECIMAL(19, 2),
    computed_at  TIMESTAMP(6)   NOT NULL,
    PRIMARY KEY (month_end, currency)
);

CREATE INDEX ix_invoice_issue_date ON invoice (issue_date);
CREATE INDEX ix_payment_date ON payment (payment_date);
CREATE INDEX ix_communication_case ON communication (case_id);
