package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.encaisse.invoice.LegalPaymentTerms;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Flags the invoices already stored whose due date is beyond the legal cap, with the rule the imports
 * apply from now on: date arithmetic differs between H2 and MariaDB, the rule lives in one place.
 */
public class V11__FlagDueDatesBeyondLegalTerms extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery("SELECT id, issue_date, due_date FROM invoice");
             PreparedStatement flag = connection.prepareStatement(
                     "UPDATE invoice SET due_beyond_legal_terms = TRUE WHERE id = ?")) {
            int pending = 0;
            while (rows.next()) {
                if (LegalPaymentTerms.exceeded(rows.getDate(2).toLocalDate(), rows.getDate(3).toLocalDate())) {
                    flag.setLong(1, rows.getLong(1));
                    flag.addBatch();
                    if (++pending == BATCH) {
                        flag.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                flag.executeBatch();
            }
        }
    }
}
