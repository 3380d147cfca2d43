package dev.opsdeck.testing;

import dev.opsdeck.schema.control.Migrations;
import java.sql.Connection;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Fresh, migrated databases for tests that use control classes directly: a private schema of the run's PostgreSQL database, or an in-memory H2. */
public final class Databases {

    private Databases() {
    }

    public static DataSource freshPostgres() throws Exception {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(System.getenv("DB_URL"));
        admin.setUser(System.getenv().getOrDefault("DB_USER", "postgres"));
        try (Connection connection = admin.getConnection()) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(System.getenv("DB_URL"));
        postgres.setUser(admin.getUser());
        postgres.setCurrentSchema(schema);
        Migrations.apply(postgres);
        return postgres;
    }

    public static DataSource freshH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Migrations.apply(h2);
        return h2;
    }
}
