-- Who collects a handed-over case: null for the company's collection agency, the insurer's name when the customer's
-- credit insurance policy says the insurer collects itself (CreditInsurancePolicyDecision).
ALTER TABLE agency_handoff ADD COLUMN collector VARCHAR(100);
