-- The debtor's last acknowledgment of an invoice (Code civil 2240): the limitation clock of L110-4 restarts from it.
ALTER TABLE invoice ADD COLUMN acknowledged_on DATE;
