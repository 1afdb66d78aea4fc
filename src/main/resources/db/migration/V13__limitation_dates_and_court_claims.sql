-- The limitation date is kept on the invoice (V14 fills the existing rows with LimitationPeriod's rule), so that the
-- daily watch, the limitation list and the aged balance read it through an index instead of computing it per row.
-- It is null while a court claim interrupts the clock (Code civil 2241-2242).
ALTER TABLE invoice ADD COLUMN limitation_date DATE;
-- The limitation date for which the managers were last warned: a restarted clock warns again, a retried run does not.
ALTER TABLE invoice ADD COLUMN limitation_warned_for DATE;
-- The day a court claim (an injunction to pay) was filed for this invoice; cleared if the claim lapses (2243).
ALTER TABLE invoice ADD COLUMN court_claim_filed_on DATE;
-- The day the debt got an enforceable title (an order no longer open to opposition): ten years from it (CPCE L111-4).
ALTER TABLE invoice ADD COLUMN enforceable_title_on DATE;
CREATE INDEX idx_invoice_limitation ON invoice (limitation_date, status);
