-- Every file imported (not the dry runs, not the refused): what kind, which file by name and SHA-256, who and
-- when, and the counts its summary gave, as a JSON object of numbers.
CREATE SEQUENCE import_run_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE import_run (
    id           BIGINT         NOT NULL PRIMARY KEY,
    kind         VARCHAR(30)    NOT NULL,
    file_name    VARCHAR(255)   NOT NULL,
    sha256       VARCHAR(64)    NOT NULL,
    imported_by  VARCHAR(100)   NOT NULL,
    imported_at  TIMESTAMP(6)   NOT NULL,
    counts_json  VARCHAR(2000)  NOT NULL
);
CREATE INDEX ix_import_run_at ON import_run (imported_at);
