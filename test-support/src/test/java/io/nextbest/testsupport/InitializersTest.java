package io.nextbest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/** Checks the initializers publish connection properties that win over anything configured. */
class InitializersTest {

    @Test
    void kafkaInitializerOverridesBootstrapServers() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment().getSystemProperties().put("spring.kafka.bootstrap-servers", "elsewhere:9092");

            new EmbeddedKafkaInitializer().initialize(context);

            assertThat(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers"))
                    .isEqualTo(SharedKafka.bootstrapServers());
        }
    }

    @Test
    void postgresInitializerGivesEachContextItsOwnDatabase() {
        String first = initializedR2dbcUrl();
        String second = initializedR2dbcUrl();

        assertThat(first).startsWith("r2dbc:postgresql://localhost:" + SharedPostgres.port() + "/test_");
        assertThat(second).isNotEqualTo(first);
    }

    private static String initializedR2dbcUrl() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            new EmbeddedPostgresInitializer().initialize(context);
            ConfigurableEnvironment environment = context.getEnvironment();
            String database = environment.getProperty("spring.r2dbc.url").replaceAll(".*/", "");
            assertThat(environment.getProperty("spring.flyway.url")).isEqualTo(SharedPostgres.jdbcUrl(database));
            assertThat(environment.getProperty("spring.flyway.user")).isEqualTo(SharedPostgres.username());
            assertThat(environment.getProperty("spring.r2dbc.username")).isEqualTo(SharedPostgres.username());
            return environment.getProperty("spring.r2dbc.url");
        }
    }
}
