-- Sales of a period (turnover, DSO) read from the index alone: no visit to the invoice rows.
CREATE INDEX ix_invoice_issue_sales ON invoice (issue_date, currency, amount, credited_amount);
DROP INDEX ix_invoice_issue_date ON invoice;
