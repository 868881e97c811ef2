package io.nextbest.feedback;

import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.stats.ExperimentStats;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.support.FormatLocale;
import io.nextbest.testsupport.SharedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * Measures, not asserts: the feedback topology's throughput through the real (in-process KRaft)
 * broker under exactly_once_v2 and at_least_once, and its RocksDB state size per million input
 * records. Not part of {@code verify} (the name matches neither *Test nor *IT); run with
 * {@code ./mvnw -o verify -pl feedback-service -Dtest=none -Dit.test=FeedbackThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.records=100000 -Dbenchmark.guarantee=at_least_once}
 * (optional: {@code -Dbenchmark.warmup-rounds} (default 8), {@code -Dbenchmark.commit-ms}, {@code -Dbenchmark.poll-ms}, {@code -Dbenchmark.threads},
 * {@code -Dbenchmark.streams.<any Streams config>}, {@code -Dbenchmark.host-locale=true} to skip
 * {@link FormatLocale}, which the services' {@code main} applies). Results go to stdout and are
 * appended to {@code target/feedback-benchmark.txt}.
 *
 * <p>First the app runs warm-up rounds (each a fresh tenant's workload of the same size, produced
 * while it runs) until the JIT has compiled what it runs: on a cold JVM the compiler threads took
 * more CPU than the stream thread itself (C2 64 % and C1 9 % of a core against the stream thread's
 * 38 % in the processing half of a 34-s run, 2026-12-07), so a cold run measured the JIT, not the
 * topology that a service runs for days. ({@code -Dbenchmark.warmup-rounds=0} measures cold.) Then
 * the app is closed, the measured input is produced while no instance runs, so producer speed is
 * not measured, and a new instance on the same state resumes from the committed offsets. The clock
 * runs from it reaching RUNNING until the final aggregates of the measured tenant equal the input
 * (read through interactive queries) and no input or repartition partition of the app has lag left.
 */
class FeedbackThroughputBenchmark {

    private static final int RECORDS = Integer.getInteger("benchmark.records", 100_000);
    // The app's own defaults (nextbest.feedback.visibility in config/nextbest-feedback.yaml).
    private static final int COMMIT_MS = Integer.getInteger("benchmark.commit-ms", 30);
    private static final int POLL_MS = Integer.getInteger("benchmark.poll-ms", 10);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 1);
    // Customers the records spread over (and tracker users, without sessions): fewer means more
    // events per customer.
    private static final int CUSTOMERS = Integer.getInteger("benchmark.customers", Math.max(50, RECORDS / 20));
    // Product views per browsing session (Workload): each view pairs its item with the session's
    // earlier ones, so the co-occurrence step gets the work real browsing gives it. 1 is the
    // workload of every run before 2026-12-08, in which a tracker user touched about one item and
    // the item pairs hardly arose.
    private static final int SESSION_ITEMS = Integer.getInteger("benchmark.session-items", 8);
    // The deployed bounds (config/nextbest-feedback.yaml: 100 contacts per customer, 50 recent items per
    // user, 50 neighbours per item), or with -Dbenchmark.fixture-bounds=true the tests' small ones
    // (3 contacts, 3 recent items, 2 neighbours), which every run before 2026-12-07 21:00 UTC measured.
    private static final boolean FIXTURE_BOUNDS = Boolean.getBoolean("benchmark.fixture-bounds");
    private static final FeedbackProperties SETTINGS = FIXTURE_BOUNDS ? FeedbackFixtures.settings() : RealFeedbackApp.defaultSettings();
    private static final String STREAMS_OVERRIDE = "benchmark.streams.";
    // Warm-up rounds before the measured run (0: measure a cold JVM, as before 2026-12-07); they stop
    // early once the JIT's compiler threads used less than JIT_SETTLED_PERCENT of a core over a round,
    // the bench's criterion for standalone (bench/JitWarmup).
    private static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.warmup-rounds", 8);
    private static final double JIT_SETTLED_PERCENT = 10;

    @Test
    void measureThroughputAndStateSize() throws Exception {
        if (!Boolean.getBoolean("benchmark.host-locale")) {
            FormatLocale.apply();
        }
        String bootstrap = SharedKafka.bootstrapServers();
        RealFeedbackApp.createTopics(bootstrap);
        StringBuilder report = new StringBuilder();
        // One guarantee per JVM: each run then has the (per-JVM) broker to itself and its app does
        // not also process an earlier run's input from the beginning of the shared topics.
        report.append(run(bootstrap, System.getProperty("benchmark.guarantee", StreamsConfig.EXACTLY_ONCE_V2))).append('\n');
        System.out.println(report);
        Files.writeString(Path.of("target/feedback-benchmark.txt"), report, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private String run(String bootstrap, String guarantee) throws Exception {
        // Warm-up rounds come first in record time, 0.1 s apart, and the measured workload after
        // them at the usual 1 s: stream time only moves forward, so no record is more than the
        // dedupe window behind it, and the measured input is the same as without a warm-up.
        Instant measuredStart = Instant.now().minusSeconds(RECORDS + 60);
        Duration warmupSpacing = Duration.ofMillis(100);
        String appId = "bench-" + guarantee + "-" + UUID.randomUUID();
        Path stateDir = Files.createTempDirectory("feedback-bench");
        java.util.Properties config = RealFeedbackApp.config(bootstrap, appId, stateDir, guarantee);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_MS);
        config.put(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, THREADS);
        config.putAll(streamsOverrides());

        List<String> warmups = new ArrayList<>();
        int warmupRecords = 0;
        if (WARMUP_ROUNDS > 0) {
            KafkaStreams streams = startAndAwaitRunning(config);
            boolean settled = false;
            for (int round = 0; round < WARMUP_ROUNDS && !settled; round++) {
                Instant roundStart = measuredStart.minus(warmupSpacing.multipliedBy((long) RECORDS * (WARMUP_ROUNDS - round)));
                Workload warmup = workload(roundStart, warmupSpacing);
                long compileMsBefore = compileMillis();
                long wallStart = System.nanoTime();
                BrokerIo.produce(bootstrap, warmup.tenantCreated());
                BrokerIo.produce(bootstrap, warmup.records);
                String unfinished = awaitDone(streams, warmup, appId, bootstrap);
                if (unfinished != null) {
                    streams.close(Duration.ofSeconds(60));
                    return guarantee + ": warm-up round " + (round + 1) + " " + unfinished;
                }
                double seconds = (System.nanoTime() - wallStart) / 1e9;
                double compilerPercent = compilerPercentSince(compileMsBefore, seconds);
                settled = compilerPercent < JIT_SETTLED_PERCENT;
                warmupRecords += warmup.records.size();
                warmups.add(String.format("%.0f records/s (%.1f s, JIT %.0f %% of a core)", warmup.records.size() / seconds, seconds, compilerPercent));
            }
            streams.close(Duration.ofSeconds(60));
            warmups.add(settled ? "JIT settled" : "JIT NOT settled");
        }

        // The measured input is produced while no instance runs, so producer speed is not measured;
        // the instance started next resumes from the warm-up's committed offsets on the same state.
        Workload workload = workload(measuredStart, Duration.ofSeconds(1));
        BrokerIo.produce(bootstrap, workload.tenantCreated());
        BrokerIo.produce(bootstrap, workload.records);
        KafkaStreams streams = startAndAwaitRunning(config);
        Instant measuredFrom = Instant.now();
        long start = System.nanoTime();
        long cpuAtStart = appThreadsCpuNanos(appId);
        long allocatedAtStart = appThreadsAllocatedBytes(appId);
        long compileMsAtStart = compileMillis();
        String unfinished = awaitDone(streams, workload, appId, bootstrap);
        if (unfinished != null) {
            streams.close(Duration.ofSeconds(60));
            return guarantee + ": " + unfinished;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // For lining up a profile of the whole JVM (JFR, async-profiler) with the measured part.
        System.out.println("measured run: " + measuredFrom + " to " + Instant.now());
        double cpuSeconds = (appThreadsCpuNanos(appId) - cpuAtStart) / 1e9;
        long allocated = appThreadsAllocatedBytes(appId) - allocatedAtStart;
        double compilerPercent = compilerPercentSince(compileMsAtStart, seconds);
        streams.close(Duration.ofSeconds(60));
        long stateBytes = sizeOf(stateDir);
        int inputRecords = workload.records.size();
        return String.format("%s (commit %d ms, poll %d ms, %d stream threads, %d customers, %s, %s%s): %d input records (%d distinct, rest duplicates) in %.1f s = %.0f records/s; "
                        + "app threads used %.1f CPU s = %.0f records per CPU second and allocated %.1f KB per record; JIT %.0f %% of a core during the run; "
                        + "warm-up before it (same JVM and state, input produced while the app ran): %s; "
                        + "state dir %.1f MB after close = %.0f MB per million input records (warm-up included)",
                guarantee, COMMIT_MS, POLL_MS, THREADS, CUSTOMERS,
                SESSION_ITEMS > 1 ? "browsing sessions of " + SESSION_ITEMS + " items" : "no browsing sessions", FIXTURE_BOUNDS ? "the tests' small bounds" : "the deployed bounds",
                streamsOverrides().isEmpty() ? "" : ", " + streamsOverrides(), inputRecords, workload.distinct, seconds, inputRecords / seconds,
                cpuSeconds, inputRecords / cpuSeconds, allocated / 1e3 / inputRecords, compilerPercent,
                warmups.isEmpty() ? "none (cold JIT)" : String.join(", ", warmups),
                stateBytes / 1e6, stateBytes / 1e6 / (inputRecords + warmupRecords) * 1_000_000);
    }

    // A fresh tenant per workload, so each one's aggregates can be checked on their own.
    private static Workload workload(Instant start, Duration spacing) {
        TenantId tenant = new TenantId("bench-" + UUID.randomUUID().toString().substring(0, 8));
        return new Workload(tenant, RECORDS, CUSTOMERS, Math.max(20, RECORDS / 100), start, spacing, SESSION_ITEMS);
    }

    private static KafkaStreams startAndAwaitRunning(java.util.Properties config) throws InterruptedException {
        KafkaStreams streams = new KafkaStreams(RealFeedbackApp.topology(SETTINGS), config);
        streams.start();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            Thread.sleep(50);
        }
        return streams;
    }

    // Done when the workload's aggregates are complete and no input or repartition partition has
    // lag left; null then, else what was still missing after 5 minutes.
    private static String awaitDone(KafkaStreams streams, Workload workload, String appId, String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            boolean complete = false;
            boolean caughtUp = false;
            while (!(complete && caughtUp) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                complete = aggregatesComplete(streams, workload);
                caughtUp = complete && noLag(admin, appId);
            }
            return complete && caughtUp ? null
                    : "did not finish within 5 minutes (aggregates complete: " + complete + ", lag gone: " + caughtUp + ")";
        }
    }

    // Time the JIT's compiler threads spent compiling (summed over them), to tell whether the
    // measured run still pays for compiling the code it runs.
    private static long compileMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    // The compiler threads' share of one core since compileMillis() read compileMsBefore, seconds ago.
    private static double compilerPercentSince(long compileMsBefore, double seconds) {
        return 100.0 * (compileMillis() - compileMsBefore) / 1e3 / seconds;
    }

    // -Dbenchmark.streams.<config>=<value> sets any Streams (or prefixed client) config for the
    // run, e.g. -Dbenchmark.streams.producer.linger.ms=20, so a tuning can be measured before it
    // goes into the app's settings; the result line names them.
    private static Map<String, String> streamsOverrides() {
        Map<String, String> overrides = new java.util.TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(STREAMS_OVERRIDE))
                .forEach(name -> overrides.put(name.substring(STREAMS_OVERRIDE.length()), System.getProperty(name)));
        return overrides;
    }

    // The last step of each branch has seen everything: offer stats (after one repartition),
    // decisions per variant (after attribution and a repartition) and the credit balance.
    private static boolean aggregatesComplete(KafkaStreams streams, Workload workload) {
        try {
            OfferStats global = FeedbackThroughputBenchmark.<TenantKey, OfferStats>store(streams, FeedbackTopology.OFFER_STATS_STORE)
                    .get(workload.globalScope());
            CreditBalance balance = FeedbackThroughputBenchmark.<TenantId, CreditBalance>store(streams, FeedbackTopology.CREDIT_BALANCES_STORE)
                    .get(workload.tenant);
            ReadOnlyKeyValueStore<TenantKey, ExperimentStats> variants = store(streams, FeedbackTopology.EXPERIMENT_STATS_STORE);
            boolean decisionsDone = workload.expectedVariantDecisions.entrySet().stream().allMatch(e -> {
                ExperimentStats stats = variants.get(e.getKey());
                return stats != null && stats.decisions() == e.getValue();
            });
            return global != null && global.total().total() == workload.expectedOfferTotals.get(workload.globalScope())
                    && balance != null && balance.balance() == workload.expectedBalance && decisionsDone;
        } catch (InvalidStateStoreException rebalancing) {
            return false;
        }
    }

    private static <K, V> ReadOnlyKeyValueStore<K, V> store(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
    }

    // Every input and repartition partition of the app is consumed to its committed end, which
    // covers the item-model branch too. One offset of slack: under exactly-once the last offset
    // of a partition can be a transaction marker that no consumer position passes until more data comes.
    private static boolean noLag(Admin admin, String appId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        return !committed.isEmpty() && committed.entrySet().stream()
                .allMatch(e -> end.get(e.getKey()).offset() - e.getValue().offset() <= 1);
    }

    // CPU time of the app's own threads (stream threads, their producer and consumer threads: all
    // named after the client id, which starts with the application id), so that a run on the
    // shared, busy machine can be compared by work done and not only by wall-clock time. The
    // in-process broker's threads are not counted.
    private static long appThreadsCpuNanos(String appId) {
        return sumOverAppThreads(appId, java.lang.management.ManagementFactory.getThreadMXBean()::getThreadCpuTime);
    }

    // Heap bytes the same threads allocated: unlike CPU time, hardly moved by the machine's load.
    private static long appThreadsAllocatedBytes(String appId) {
        return sumOverAppThreads(appId, ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())::getThreadAllocatedBytes);
    }

    private static long sumOverAppThreads(String appId, java.util.function.LongUnaryOperator perThread) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(appId)) {
                sum += Math.max(0, perThread.applyAsLong(info.getThreadId()));
            }
        }
        return sum;
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
