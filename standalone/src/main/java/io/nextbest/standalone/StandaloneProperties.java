package io.nextbest.standalone;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where standalone keeps its data and which ports its embedded broker and database take.
 *
 * @param embeddedInfrastructure false to run the same process against an external Kafka and
 *                               PostgreSQL given by the usual {@code spring.kafka.*} and
 *                               {@code spring.r2dbc.*}/{@code spring.flyway.*} settings
 */
@ConfigurationProperties("nextbest.standalone")
public record StandaloneProperties(boolean embeddedInfrastructure, Path dataDir, int kafkaPort, int postgresPort) {

    public static final String PREFIX = "nextbest.standalone";

    public StandaloneProperties {
        if (dataDir == null) {
            throw new IllegalArgumentException(PREFIX + ".data-dir is required");
        }
    }
}
