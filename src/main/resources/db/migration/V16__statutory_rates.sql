-- The statutory late-payment rates a manager entered after the table in application.yaml was written: each
-- half-year's ECB main refinancing rate plus 10 points (L441-10), from 1 January or 1 July. A row here wins over
-- the configured one of the same half-year.
CREATE TABLE statutory_rate (
    from_date    DATE          NOT NULL PRIMARY KEY,
    percent      DECIMAL(5, 2) NOT NULL,
    entered_by   VARCHAR(100)  NOT NULL,
    entered_at   TIMESTAMP(6)  NOT NULL,
    source       VARCHAR(500)
);

-- The half-years whose rate the managers were asked for, once each, whichever node's daily run asked first.
CREATE TABLE statutory_rate_request (
    from_date     DATE          NOT NULL PRIMARY KEY,
    requested_at  TIMESTAMP(6)  NOT NULL
);
