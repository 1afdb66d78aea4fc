-- What a customer joined to a dispute from the portal (a PDF, a photo), checked to be what it claims, kept with its
-- checksum for the people who settle the dispute.
CREATE SEQUENCE dispute_attachment_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE dispute_attachment (
    id            BIGINT        NOT NULL PRIMARY KEY,
    dispute_id    BIGINT        NOT NULL,
    file_name     VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(50)   NOT NULL,
    content       LONGBLOB      NOT NULL,
    size_bytes    INT           NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    uploaded_by   VARCHAR(100)  NOT NULL,
    uploaded_at   TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_dispute_attachment FOREIGN KEY (dispute_id) REFERENCES dispute (id)
);
CREATE INDEX ix_dispute_attachment_dispute ON dispute_attachment (dispute_id);
