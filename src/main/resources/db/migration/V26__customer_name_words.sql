-- The words of each customer's name (NameWords: lower case, accents and legal forms left out), so that the payer
-- named on a bank transfer finds its customers through an index rather than a LIKE '%word%' over every customer.
-- V27 fills it for the customers already there; the Customer entity keeps it from then on.
CREATE TABLE customer_name_word (
    customer_id BIGINT       NOT NULL,
    word        VARCHAR(100) NOT NULL,
    PRIMARY KEY (customer_id, word),
    CONSTRAINT fk_customer_name_word_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
);
CREATE INDEX ix_customer_name_word ON customer_name_word (word, customer_id);
