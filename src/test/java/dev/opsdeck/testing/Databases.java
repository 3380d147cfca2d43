package dev.opsdeck.testing;

import dev.opsdeck.schema.control.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
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

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /** A database of its own for a test that starts Opsdeck processes; its name extends the run's database name. */
    public static String createPostgresDatabase(String suffix) throws Exception {
        String name = System.getProperty("it.db.name") + "_" + suffix;
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    /** A database owned by a migration role of its own, with an application role beside it (both log in without a password). */
    public record SplitRoles(String url, String migrationRole, String applicationRole) {
    }

    public static SplitRoles createPostgresDatabaseWithRoles(String suffix) throws Exception {
        String name = System.getProperty("it.db.name") + "_" + suffix;
        SplitRoles roles = new SplitRoles("jdbc:postgresql://127.0.0.1:5432/" + name, name + "_owner", name + "_app");
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            admin.createStatement().execute("CREATE ROLE " + roles.migrationRole() + " LOGIN");
            admin.createStatement().execute("CREATE ROLE " + roles.applicationRole() + " LOGIN");
            admin.createStatement().execute("CREATE DATABASE " + name + " OWNER " + roles.migrationRole());
        }
        return roles;
    }

    public static void dropPostgresDatabase(SplitRoles roles) throws Exception {
        dropPostgresDatabase(roles.url());
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            admin.createStatement().execute("DROP ROLE IF EXISTS " + roles.applicationRole());
            admin.createStatement().execute("DROP ROLE IF EXISTS " + roles.migrationRole());
        }
    }

    public static void dropPostgresDatabase(String url) throws Exception {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    public static DataSource freshH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Migrations.apply(h2);
        return h2;
    }
}
