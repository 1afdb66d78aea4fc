-- Column mappings saved under a name for a kind of CSV import (invoices, customers): which header column holds
-- which field, for accounting exports whose headers no known name matches. The columns are a JSON object,
-- field to header title.
CREATE TABLE import_mapping (
    kind          VARCHAR(20)   NOT NULL,
    name          VARCHAR(50)   NOT NULL,
    columns_json  VARCHAR(4000) NOT NULL,
    saved_by      VARCHAR(100)  NOT NULL,
    saved_at      TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (kind, name)
);
