package io.nextbest.support.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.util.unit.DataSize;

class StreamsAppsConfigTest {

    private static final StreamsProperties.RocksDb SIZES = new StreamsProperties.RocksDb(DataSize.ofMegabytes(64),
            DataSize.ofMegabytes(32), DataSize.ofMegabytes(4), 2, DataSize.ofKilobytes(4));

    private static StreamsProperties settings(DataSize producerBatchSize) {
        return new StreamsProperties("nextbest-", Path.of("var/streams"), StreamsConfig.EXACTLY_ONCE_V2,
                Duration.ofMillis(100), 0, 1, SIZES, producerBatchSize, Map.of());
    }

    @Test
    void theProducerBatchSizeReachesTheAppsProducers() {
        Map<String, Object> config = StreamsApps.config("feedback", new KafkaProperties(), settings(DataSize.ofKilobytes(256)));

        assertThat(config).containsEntry(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    }

    @Test
    void withoutABatchSizeKafkasDefaultStaysAndAnOverrideStillWins() {
        assertThat(StreamsApps.config("feedback", new KafkaProperties(), settings(null)))
                .doesNotContainKey(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG));

        Map<String, Object> overridden = StreamsApps.config("feedback", new KafkaProperties(), settings(DataSize.ofKilobytes(256))
                .withOverrides(Map.of(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), "65536")));
        assertThat(overridden).containsEntry(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), "65536");
    }
}
