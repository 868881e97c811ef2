package io.nextbest.support.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every Kafka Streams app of a process. Each app gets its own application id
 * ({@code applicationIdPrefix + name}) and its own state directory below {@code stateDir}.
 *
 * @param rocksdb the native memory every RocksDB store of the process shares ({@link BoundedRocksDbMemory})
 * @param producerBatchSize {@code batch.size} of the apps' producers (changelogs, repartitions, outputs);
 *                          null for Kafka's 16 KB
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
        RocksDb rocksdb,
        DataSize producerBatchSize,
        Map<String, String> overrides) {

    public StreamsProperties {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    /**
     * Sizes of the process-wide RocksDB memory bound.
     *
     * @param blockCacheSize  the one LRU cache of every store: data, index and filter blocks and the memtables
     * @param memtableSize    the part of the cache all stores' memtables may take together (write buffer manager)
     * @param writeBufferSize one memtable of one store at most
     * @param maxWriteBuffers memtables per store (one being filled, the others being flushed)
     * @param blockSize       the size of a data block
     */
    public record RocksDb(DataSize blockCacheSize, DataSize memtableSize, DataSize writeBufferSize, int maxWriteBuffers,
                          DataSize blockSize) {
    }

    /** The same settings with other {@code overrides}. */
    public StreamsProperties withOverrides(Map<String, String> replaced) {
        return new StreamsProperties(applicationIdPrefix, stateDir, processingGuarantee, commitInterval, numStandbyReplicas,
                numStreamThreads, rocksdb, producerBatchSize, replaced);
    }

    public String applicationId(String appName) {
        return applicationIdPrefix + appName;
    }
}
