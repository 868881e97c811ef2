package io.nextbest.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves rows written to the embedded PostgreSQL server are still there after a restart. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void rowSurvivesRestart() throws SQLException {
        int port = FreePort.find();

        long coldStart = System.nanoTime();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, port)) {
            report("cold start", coldStart);
            assertThat(postgres.r2dbcUrl()).isEqualTo("r2dbc:postgresql://localhost:" + port + "/nextbest");
            try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (id INT PRIMARY KEY, body TEXT NOT NULL)");
                statement.execute("INSERT INTO note VALUES (1, 'persisted')");
            }
        }

        long restart = System.nanoTime();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, port);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT body FROM note WHERE id = 1")) {
            report("restart", restart);
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("persisted");
        }
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private static void report(String phase, long startedNanos) {
        System.out.printf("EmbeddedPostgresServer %s took %d ms%n", phase, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }
}
