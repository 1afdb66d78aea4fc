-- The personal links to the customer portal that letters carry: only the SHA-256 of each token is kept, so that a
-- copy of the database opens no customer's page. A token expires, and all of a customer's stop at once when revoked.
CREATE SEQUENCE portal_token_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE portal_token (
    id           BIGINT        NOT NULL PRIMARY KEY,
    customer_id  BIGINT        NOT NULL,
    token_hash   VARCHAR(64)   NOT NULL,
    issued_for   VARCHAR(100)  NOT NULL,
    issued_at    TIMESTAMP(6)  NOT NULL,
    expires_at   TIMESTAMP(6)  NOT NULL,
    revoked_at   TIMESTAMP(6),
    revoked_by   VARCHAR(100),
    CONSTRAINT uk_portal_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_portal_token_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_portal_token_customer ON portal_token (customer_id);
