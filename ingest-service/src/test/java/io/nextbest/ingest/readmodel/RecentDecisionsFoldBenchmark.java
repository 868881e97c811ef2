package io.nextbest.ingest.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.ExperimentAssignment;
import io.nextbest.model.event.Funnel;
import io.nextbest.model.event.RankedOffer;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * Measures, not asserts: the CPU cost of folding one {@code decisions} record into the
 * recent-decisions stores through the real topology ({@link IngestReadModelsTopology} in
 * {@code TopologyTestDriver}: the customer's index and the recommendation's own entry, record
 * caches, changelogs). The records are JSON as decision-service writes them (funnel, experiment,
 * three ranked offers from a 200-offer catalog shaped like the bench's), one per recommend call,
 * cycling through 500 customers as the bench does, 20 kept per customer
 * ({@code decisions.per-customer}); every customer's history is full before the measurement starts,
 * so each record also deletes the recommendation it pushes out. The driver commits after every
 * record, so each record also pays a cache flush, as under load where a 100 ms commit rarely sees a
 * customer twice ({@code -Dbenchmark.cache-bytes=0} runs it without the record cache). Reports µs
 * per decision as CPU of the piping thread (the whole fold runs on it; no JIT or GC) and as process
 * CPU (GC included), the changelog bytes per decision, plus the input decode alone. Not part of
 * {@code verify} (the name matches neither *Test nor *IT); run with
 * {@code ./mvnw -B -ntp -o -pl ingest-service -am test -Dtest=RecentDecisionsFoldBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RecentDecisionsFoldBenchmark {

    private static final int DECISIONS = Integer.getInteger("benchmark.decisions", 100_000);
    private static final int WARMUP_DECISIONS = Integer.getInteger("benchmark.warmup-decisions", 50_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2);
    // The driver commits, and so flushes RocksDB's memtable to a new file, after every record: with
    // RocksDB that flush and its compactions cost several times the fold, so by default the store
    // is the in-memory one (same topology, cache, changelog and serdes); -Dbenchmark.store=rocksdb keeps RocksDB.
    private static final String STORE = System.getProperty("benchmark.store", "in-memory");
    private static final int CUSTOMERS = 500;
    private static final int KEPT = 20;
    private static final int OFFERS = 200;
    private static final int OFFERS_PER_DECISION = 3;
    // A customer meets a record again only after 25 of its own, beyond the 20 kept, so none is a replay.
    private static final int DISTINCT_RECORDS = CUSTOMERS * (KEPT + 5);
    private static final int DRAIN_EVERY = 1_000;
    private static final TenantId TENANT = new TenantId("bench-cpu");

    private record Input(byte[] key, byte[] value) {
    }

    private record Run(long threadCpu, long processCpu, long wall, long loggedBytes, long logged) {
    }

    @Test
    void measureCpuPerFoldedDecision() {
        List<Input> inputs = decisions();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<String> reports = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            double loadBefore = os.getSystemLoadAverage();
            Run run = fold(inputs, round);
            reports.add(String.format("recent-decisions fold benchmark, round %d, %s store: %d decisions, %d customers, %d kept, "
                            + "%d offers each: thread CPU %.1f µs per decision, process CPU %.1f µs (%.2f cores), wall %.1f µs; "
                            + "%d changelog bytes per decision in %.2f records; load average %.2f → %.2f",
                    round, STORE, DECISIONS, CUSTOMERS, KEPT, OFFERS_PER_DECISION, run.threadCpu() / 1e3 / DECISIONS,
                    run.processCpu() / 1e3 / DECISIONS, (double) run.processCpu() / run.wall(), run.wall() / 1e3 / DECISIONS,
                    run.loggedBytes() / DECISIONS, (double) run.logged() / DECISIONS, loadBefore, os.getSystemLoadAverage()));
            reports.add(decodeOnly(inputs, round));
        }
        reports.forEach(System.out::println);
    }

    private static Run fold(List<Input> inputs, int round) {
        Properties config = new Properties();
        String applicationId = "recent-decisions-benchmark-" + round;
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        if (System.getProperty("benchmark.cache-bytes") != null) {
            config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.getLong("benchmark.cache-bytes"));
        }
        StreamsBuilder builder = new StreamsBuilder();
        new IngestReadModelsTopology(KEPT, new IngestRecordCaches(),
                STORE.equals("rocksdb") ? Stores::persistentKeyValueStore : Stores::inMemoryKeyValueStore).buildTopology(builder);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<byte[], byte[]> topic = driver.createInputTopic(Topics.DECISIONS.name(), new ByteArraySerializer(),
                    new ByteArraySerializer());
            List<TestOutputTopic<String, byte[]>> changelog = Stream.of(RecentDecisionsFold.IDS_STORE, RecentDecisionsFold.RECOMMENDATIONS_STORE)
                    .map(store -> driver.createOutputTopic(applicationId + "-" + store + "-changelog", new StringDeserializer(),
                            new ByteArrayDeserializer()))
                    .toList();
            pipe(topic, changelog, inputs, 0, WARMUP_DECISIONS, new long[2]);

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long[] logged = new long[2];
            long threadBefore = threads.getCurrentThreadCpuTime();
            long processBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            long drainCpu = pipe(topic, changelog, inputs, WARMUP_DECISIONS, DECISIONS, logged);
            long wall = System.nanoTime() - wallBefore;
            long processCpu = os.getProcessCpuTime() - processBefore;
            long threadCpu = threads.getCurrentThreadCpuTime() - threadBefore - drainCpu;

            KeyValueStore<TenantKey, RecentRecommendationIds> ids = driver.getKeyValueStore(RecentDecisionsFold.IDS_STORE);
            assertThat(ids.get(new TenantKey(TENANT, customer(0))).ids()).hasSize(KEPT);
            // Per decision: its index, its recommendation and the deletion of the one it pushed out.
            assertThat(logged[1]).isEqualTo(3L * DECISIONS);
            return new Run(threadCpu, processCpu - drainCpu, wall, logged[0], logged[1]);
        }
    }

    /**
     * Pipes {@code count} records from {@code from} on, reading the changelog away every so often
     * (the driver keeps what a topology writes); returns the thread CPU spent reading it, which is
     * the benchmark's, not the fold's.
     */
    private static long pipe(TestInputTopic<byte[], byte[]> topic, List<TestOutputTopic<String, byte[]>> changelogs, List<Input> inputs,
                             int from, int count, long[] logged) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long drainCpu = 0;
        for (int i = from; i < from + count; i++) {
            Input input = inputs.get(i % inputs.size());
            topic.pipeInput(input.key(), input.value());
            if ((i - from + 1) % DRAIN_EVERY == 0 || i == from + count - 1) {
                long before = threads.getCurrentThreadCpuTime();
                for (TestOutputTopic<String, byte[]> changelog : changelogs) {
                    for (byte[] value : changelog.readValuesToList()) {
                        logged[0] += value == null ? 0 : value.length;
                        logged[1]++;
                    }
                }
                drainCpu += threads.getCurrentThreadCpuTime() - before;
            }
        }
        return drainCpu;
    }

    /** The part of the fold that reads the JSON input record ({@link DecisionReads}), whatever the store's layout. */
    private static String decodeOnly(List<Input> inputs, int round) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long checksum = 0;
        for (int i = 0; i < WARMUP_DECISIONS; i++) {
            checksum += DecisionReads.DECISION.fromBytes(inputs.get(i % inputs.size()).value()).decisions().size();
        }
        long before = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < DECISIONS; i++) {
            checksum += DecisionReads.DECISION.fromBytes(inputs.get(i % inputs.size()).value()).decisions().size();
        }
        long cpu = threads.getCurrentThreadCpuTime() - before;
        assertThat(checksum).isEqualTo((long) (WARMUP_DECISIONS + DECISIONS) * OFFERS_PER_DECISION);
        return String.format("recent-decisions fold benchmark, round %d: decoding the JSON input record alone (DecisionReads) "
                + "%.1f µs per decision of thread CPU, %d bytes per record on average", round, cpu / 1e3 / DECISIONS,
                inputs.stream().mapToLong(input -> input.value().length).sum() / inputs.size());
    }

    /** Decision records as decision-service publishes them, keyed and encoded like {@code decisions}. */
    private static List<Input> decisions() {
        Random random = new Random(20261202L);
        Instant now = Instant.now();
        List<String> categories = List.of("retention", "acquisition", "loyalty", "engagement");
        List<String> variants = List.of("champion", "challenger");
        List<Input> inputs = new ArrayList<>(DISTINCT_RECORDS);
        for (int i = 0; i < DISTINCT_RECORDS; i++) {
            List<RankedOffer> offers = new ArrayList<>(OFFERS_PER_DECISION);
            for (int rank = 1; rank <= OFFERS_PER_DECISION; rank++) {
                int offer = 1 + random.nextInt(OFFERS);
                String id = offer <= 60 ? String.format("sbx-offer-%02d", offer) : String.format("bench-offer-%04d", offer);
                offers.add(new RankedOffer(rank, id, "Starbucks: offer " + offer, categories.get(offer % categories.size()),
                        id + "-web", "web", "homepage_banner", random.nextDouble() * 10, false));
            }
            DecisionRecord record = new DecisionRecord(UUID.randomUUID().toString(), TENANT, customer(i % CUSTOMERS), null,
                    "starbucks-decision-pipeline", "web", "homepage_banner",
                    new ExperimentAssignment("starbucks-scoring-test", variants.get(random.nextInt(2)), false), false,
                    new Funnel(OFFERS, 180, 150, OFFERS_PER_DECISION), offers, now.plusMillis(i));
            inputs.add(new Input(Topics.DECISIONS.keySerde().serializer().serialize(Topics.DECISIONS.name(), record.key()),
                    Topics.DECISIONS.valueSerde().serializer().serialize(Topics.DECISIONS.name(), record)));
        }
        return inputs;
    }

    private static String customer(int index) {
        return String.format("SBX-%06d", 1 + index);
    }
}
