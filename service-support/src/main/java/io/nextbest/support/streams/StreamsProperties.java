package io.nextbest.support.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by every Kafka Streams app of a process. Each app gets its own application id
 * ({@code applicationIdPrefix + name}) and its own state directory below {@code stateDir}.
 *
 * @param overrides raw Kafka Streams configs applied last, for tuning without a release
 */
@ConfigurationProperties("nextbest.streams")
public record StreamsProperties(
        String applicationIdPrefix,
        Path stateDir,
        String processingGuarantee,
        Duration commitInterval,
        int numStandbyReplicas,
        int numStreamThreads,
        Map<String, String> overrides) {

    public StreamsProperties {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    public String applicationId(String appName) {
        return applicationIdPrefix + appName;
    }
}
