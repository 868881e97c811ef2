package io.nextbest.support.streams;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the native memory of every RocksDB store of the process: one shared LRU block cache, with
 * the memtables of all stores charged against it by one shared {@link WriteBufferManager} and the
 * index and filter blocks cached in it too — Kafka Streams' documented recipe ("Memory
 * Management", {@code BoundedMemoryRocksDBConfig}). Without it every store (every partition, every
 * window segment) opens its own 50 MB cache and 3 × 16 MB memtables, so off-heap memory grows with
 * the number of stores, not with a setting.
 *
 * <p>The cache and the manager are process-wide (static): the Streams apps of one JVM (standalone
 * runs four) share them, and the first app that opens a store fixes the sizes from its config (the
 * {@code nextbest.rocksdb.*} entries {@link #streamsConfig} puts there; every app of a process reads
 * them from the same {@link StreamsProperties.RocksDb}). They are never closed: stores come and go
 * with rebalances while the shared objects must outlive them.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final String CACHE_BYTES = "nextbest.rocksdb.block-cache-bytes";
    static final String MEMTABLE_BYTES = "nextbest.rocksdb.memtable-bytes";
    static final String WRITE_BUFFER_BYTES = "nextbest.rocksdb.write-buffer-bytes";
    static final String MAX_WRITE_BUFFERS = "nextbest.rocksdb.max-write-buffers";
    static final String BLOCK_BYTES = "nextbest.rocksdb.block-bytes";
    /**
     * Memtable allocation unit. RocksDB's default is an eighth of the write buffer (512 KB here),
     * and a memtable holds at least one block once written to. There is one RocksDB instance per
     * store, partition and window segment, so the feedback app's memtables overran the shared
     * memtable budget on their first writes, and the write-buffer manager kept flushing stores
     * after a few writes into tiny files that compaction then merged (a fifth of the process's CPU
     * in flush and compaction, 2026-12-07). With 64 KB blocks the same budget holds every store's
     * memtable.
     */
    static final long ARENA_BLOCK_BYTES = 64 * 1024;
    /** Share of the cache kept for index and filter blocks (the recipe's high-priority pool). */
    static final double INDEX_FILTER_RATIO = 0.1;

    private static final Logger log = LoggerFactory.getLogger(BoundedRocksDbMemory.class);
    private static Shared shared;

    /** The one cache and write-buffer manager of the process, and the sizes they were made with. */
    record Shared(Cache cache, WriteBufferManager writeBufferManager, long cacheBytes, long memtableBytes) {
    }

    /** The Streams configs that install this setter with {@code sizes}. */
    public static Map<String, Object> streamsConfig(StreamsProperties.RocksDb sizes) {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        config.put(CACHE_BYTES, sizes.blockCacheSize().toBytes());
        config.put(MEMTABLE_BYTES, sizes.memtableSize().toBytes());
        config.put(WRITE_BUFFER_BYTES, sizes.writeBufferSize().toBytes());
        config.put(MAX_WRITE_BUFFERS, sizes.maxWriteBuffers());
        config.put(BLOCK_BYTES, sizes.blockSize().toBytes());
        return config;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(bytes(configs, CACHE_BYTES), bytes(configs, MEMTABLE_BYTES));
        // Streams' own table config, modified in place so its other defaults (bloom filter, format) stay.
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(bytes(configs, BLOCK_BYTES));
        options.setWriteBufferManager(memory.writeBufferManager());
        options.setWriteBufferSize(bytes(configs, WRITE_BUFFER_BYTES));
        options.setMaxWriteBufferNumber((int) bytes(configs, MAX_WRITE_BUFFERS));
        options.setArenaBlockSize(ARENA_BLOCK_BYTES);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing: the cache and the write-buffer manager are shared by every store of the process.
    }

    static synchronized Shared shared(long cacheBytes, long memtableBytes) {
        if (shared == null) {
            // strictCapacityLimit false: a full cache evicts rather than failing reads (the recipe's choice).
            Cache cache = new LRUCache(cacheBytes, -1, false, INDEX_FILTER_RATIO);
            shared = new Shared(cache, new WriteBufferManager(memtableBytes, cache), cacheBytes, memtableBytes);
            log.info("RocksDB memory bounded for this process: {} bytes of block cache, of which memtables up to {}",
                    cacheBytes, memtableBytes);
        } else if (shared.cacheBytes() != cacheBytes || shared.memtableBytes() != memtableBytes) {
            log.warn("RocksDB memory already bounded at {} / {} bytes for this process; ignoring {} / {} of a later app",
                    shared.cacheBytes(), shared.memtableBytes(), cacheBytes, memtableBytes);
        }
        return shared;
    }

    private static long bytes(Map<String, Object> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not set; install this setter through BoundedRocksDbMemory.streamsConfig");
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}
