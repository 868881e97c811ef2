package io.nextbest.support.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.util.unit.DataSize;

class BoundedRocksDbMemoryTest {

    private static final StreamsProperties.RocksDb SIZES = new StreamsProperties.RocksDb(DataSize.ofMegabytes(64),
            DataSize.ofMegabytes(32), DataSize.ofMegabytes(4), 2, DataSize.ofKilobytes(8));

    private final BoundedRocksDbMemory setter = new BoundedRocksDbMemory();

    @Test
    void everyStoreGetsTheOneSharedCacheAndTheConfiguredMemtables() {
        Map<String, Object> configs = BoundedRocksDbMemory.streamsConfig(SIZES);
        try (Options first = streamsDefaults(); Options second = streamsDefaults()) {
            setter.setConfig("offer-stats-store", first, configs);
            setter.setConfig("outcomes-dedupe-store.1700000000000", second, configs);

            BlockBasedTableConfigWithAccessibleCache table = (BlockBasedTableConfigWithAccessibleCache) first.tableFormatConfig();
            BlockBasedTableConfigWithAccessibleCache other = (BlockBasedTableConfigWithAccessibleCache) second.tableFormatConfig();
            assertThat(table.blockCache()).isSameAs(other.blockCache())
                    .isSameAs(BoundedRocksDbMemory.shared(64L << 20, 32L << 20).cache());
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            assertThat(table.blockSize()).isEqualTo(8 * 1024);
            assertThat(first.writeBufferSize()).isEqualTo(4L << 20);
            assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
            // Not RocksDB's default of an eighth of the write buffer (512 KB here).
            assertThat(first.arenaBlockSize()).isEqualTo(64 * 1024);
        }
    }

    @Test
    void aStoreOpenedWithoutTheSizesNamesTheMissingKey() {
        Map<String, Object> configs = new HashMap<>(BoundedRocksDbMemory.streamsConfig(SIZES));
        configs.remove(BoundedRocksDbMemory.WRITE_BUFFER_BYTES);
        try (Options options = streamsDefaults()) {
            assertThatThrownBy(() -> setter.setConfig("offer-stats-store", options, configs))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(BoundedRocksDbMemory.WRITE_BUFFER_BYTES);
        }
    }

    @Test
    void everyStreamsAppInstallsTheSetterUnlessAnOverrideReplacesIt() {
        StreamsProperties settings = new StreamsProperties("nextbest-", Path.of("var/streams"), StreamsConfig.EXACTLY_ONCE_V2,
                Duration.ofMillis(100), 0, 1, SIZES, null, Map.of());

        Map<String, Object> config = StreamsApps.config("feedback", new KafkaProperties(), settings);
        assertThat(config).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName())
                .containsEntry(BoundedRocksDbMemory.CACHE_BYTES, 64L << 20)
                .containsEntry(BoundedRocksDbMemory.MEMTABLE_BYTES, 32L << 20);

        Map<String, Object> overridden = StreamsApps.config("feedback", new KafkaProperties(),
                settings.withOverrides(Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.Other")));
        assertThat(overridden).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.Other");
    }

    /** Options as Kafka Streams hands them to a setter: its own table config already in place. */
    private static Options streamsDefaults() {
        return new Options().setTableFormatConfig(new BlockBasedTableConfigWithAccessibleCache());
    }
}
