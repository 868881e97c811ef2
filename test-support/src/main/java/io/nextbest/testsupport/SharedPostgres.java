package io.nextbest.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server per test JVM, started on first use; tests isolate themselves by
 * asking for a {@link #freshDatabase(String) fresh database} instead of sharing a schema.
 */
public final class SharedPostgres {

    /** Zonky's default superuser; the server trusts local connections, so the password is never checked. */
    private static final String USERNAME = "postgres";
    private static final String PASSWORD = "postgres";
    private static final String DEFAULT_DATABASE = "postgres";

    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

    private static volatile EmbeddedPostgres server;

    private SharedPostgres() {
    }

    public static String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public static String r2dbcUrl() {
        return r2dbcUrl(DEFAULT_DATABASE);
    }

    public static String r2dbcUrl(String database) {
        return "r2dbc:postgresql://localhost:" + port() + "/" + database;
    }

    public static String username() {
        return USERNAME;
    }

    public static String password() {
        return PASSWORD;
    }

    public static int port() {
        return server().getPort();
    }

    /**
     * Creates an empty database whose name starts with {@code prefix} (lower-cased, non
     * identifier characters replaced) and returns its name.
     */
    public static String freshDatabase(String prefix) {
        String name = uniqueName(prefix);
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // CREATE DATABASE cannot take bind parameters; the name is sanitised by uniqueName.
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create database " + name, ex);
        }
        return name;
    }

    private static String uniqueName(String prefix) {
        String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
            cleaned = "db_" + cleaned;
        }
        // Postgres truncates identifiers at 63 bytes; keep room for the suffix so names stay unique.
        if (cleaned.length() > 40) {
            cleaned = cleaned.substring(0, 40);
        }
        return cleaned + "_" + ProcessHandle.current().pid() + "_" + DATABASE_COUNTER.incrementAndGet();
    }

    private static EmbeddedPostgres server() {
        EmbeddedPostgres current = server;
        if (current != null) {
            return current;
        }
        synchronized (SharedPostgres.class) {
            if (server == null) {
                server = start();
            }
            return server;
        }
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started), "shared-postgres-shutdown"));
            return started;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            // The JVM is exiting; there is nobody left to report this to.
        }
    }
}
