package db.migration;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.encaisse.invoice.LimitationPeriod;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Stores the limitation date of the invoices already there, with the rule the application applies from now on:
 * date arithmetic differs between H2 and MariaDB, the rule lives in one place.
 */
public class V14__StoreLimitationDates extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery(
                     "SELECT id, due_date, acknowledged_on FROM invoice WHERE limitation_date IS NULL AND court_claim_filed_on IS NULL");
             PreparedStatement store = connection.prepareStatement("UPDATE invoice SET limitation_date = ? WHERE id = ?")) {
            int pending = 0;
            while (rows.next()) {
                Date acknowledged = rows.getDate(3);
                store.setDate(1, Date.valueOf(LimitationPeriod.expiry(rows.getDate(2).toLocalDate(),
                        acknowledged == null ? null : acknowledged.toLocalDate(), null, null)));
                store.setLong(2, rows.getLong(1));
                store.addBatch();
                if (++pending == BATCH) {
                    store.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                store.executeBatch();
            }
        }
    }
}
