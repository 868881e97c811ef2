package io.nextbest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** Proves the shared PostgreSQL server answers SQL and hands out isolated databases. */
class SharedPostgresTest {

    @Test
    void runsSqlOverJdbc() throws SQLException {
        try (Connection connection = connect(SharedPostgres.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT 40 + 2")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void freshDatabasesAreIsolated() throws SQLException {
        String first = SharedPostgres.freshDatabase("isolation");
        String second = SharedPostgres.freshDatabase("isolation");
        assertThat(first).isNotEqualTo(second).startsWith("isolation_");

        try (Connection connection = connect(SharedPostgres.jdbcUrl(first));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO item VALUES (1)");
        }

        try (Connection connection = connect(SharedPostgres.jdbcUrl(second));
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM item"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void sanitisesPrefixIntoValidIdentifier() {
        assertThat(SharedPostgres.freshDatabase("My-Service.Test")).startsWith("my_service_test_");
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, SharedPostgres.username(), SharedPostgres.password());
    }
}
