-- Invoices due later than Code de commerce L441-10 allows: accepted, and listed for the credit manager.
-- Existing rows are flagged by V11 (Java), which applies the same rule as the imports (LegalPaymentTerms).
ALTER TABLE invoice ADD COLUMN due_beyond_legal_terms BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX idx_invoice_beyond_legal_terms ON invoice (due_beyond_legal_terms, issue_date);
