package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.encaisse.customer.NameWords;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Indexes the names of the customers created before V26, with the rule the application keeps them by. */
public class V27__Fill_customer_name_words extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement read = context.getConnection().createStatement();
             ResultSet customers = read.executeQuery("SELECT id, name FROM customer");
             PreparedStatement insert = context.getConnection()
                     .prepareStatement("INSERT INTO customer_name_word (customer_id, word) VALUES (?, ?)")) {
            int pending = 0;
            while (customers.next()) {
                for (String word : NameWords.of(customers.getString(2))) {
                    insert.setLong(1, customers.getLong(1));
                    insert.setString(2, word);
                    insert.addBatch();
                    if (++pending % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
