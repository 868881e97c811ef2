package io.nextbest.standalone.infra;

import io.nextbest.embedded.EmbeddedKafkaServer;
import io.nextbest.embedded.EmbeddedPostgresServer;
import io.nextbest.standalone.StandaloneProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker and the database standalone runs in-process, started together and closed in reverse
 * order. {@link #springProperties()} points every service of the process at them.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private final StandaloneProperties settings;
    private final EmbeddedKafkaServer kafka;
    private final EmbeddedPostgresServer postgres;

    private EmbeddedInfrastructure(StandaloneProperties settings, EmbeddedKafkaServer kafka, EmbeddedPostgresServer postgres) {
        this.settings = settings;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static EmbeddedInfrastructure start(StandaloneProperties settings) {
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(settings.dataDir(), settings.kafkaPort());
        try {
            return new EmbeddedInfrastructure(settings, kafka, EmbeddedPostgresServer.start(settings.dataDir(), settings.postgresPort()));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /** Highest-precedence settings: in standalone everything lives under the data directory. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.r2dbc.url", postgres.r2dbcUrl());
        properties.put("spring.r2dbc.username", postgres.username());
        properties.put("spring.r2dbc.password", postgres.password());
        properties.put("spring.flyway.url", postgres.jdbcUrl());
        properties.put("spring.flyway.user", postgres.username());
        properties.put("spring.flyway.password", postgres.password());
        properties.put("nextbest.streams.state-dir", settings.dataDir().resolve("streams").toString());
        return properties;
    }

    public String describe() {
        return "Kafka " + kafka.bootstrapServers() + ", PostgreSQL " + postgres.jdbcUrl()
                + ", data in " + settings.dataDir().toAbsolutePath().normalize();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } finally {
            kafka.close();
        }
    }
}
