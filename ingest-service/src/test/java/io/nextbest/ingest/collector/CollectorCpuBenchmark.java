package io.nextbest.ingest.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.bench.CollectorBatches;
import io.nextbest.ingest.fixtures.IngestFixtures;
import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.testsupport.KafkaIntegrationTest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Measures, not asserts: the CPU cost of one collector request through the whole service — HTTP
 * (reactor-netty server), key check, rate limit, tracker and credit lookups in the real global
 * stores, batch parsing, encoding, and the idempotent acks=all producer writing to the in-process
 * KRaft broker — for batches of 1, 20 and 100 events shaped like the platform benchmark sends
 * ({@code io.nextbest.bench.CollectorBatches}, the same generator: web {@code view_item} with its own {@code event_id}, one item).
 * A {@link WebClient} in the same JVM keeps {@code benchmark.concurrency} requests in flight for
 * {@code benchmark.seconds} per batch size after {@code benchmark.warmup-seconds}. Reports the
 * process CPU time (all threads: server, client, producer, broker, JIT and GC — the broker and the
 * client are what a load generator and Kafka on the same box would cost too) in µs per request and
 * per event — also net of the CPU the idle process burns, measured for {@code benchmark.idle-seconds}
 * before each run — and the CPU of the Java threads alone (without JIT compiler and GC threads) by
 * thread pool, the request rate, and wall p50/p99. Not part of {@code verify} (the name matches
 * neither *Test nor *IT); run with
 * {@code ./mvnw -B -ntp -o -pl ingest-service -am test -Dtest=CollectorCpuBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@KafkaIntegrationTest(properties = {
        "nextbest.ingest.rate-limit.capacity=1000000000",
        "nextbest.ingest.rate-limit.refill-tokens=1000000000"})
class CollectorCpuBenchmark {

    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 15);
    private static final int WARMUP_SECONDS = Integer.getInteger("benchmark.warmup-seconds", 10);
    private static final int IDLE_SECONDS = Integer.getInteger("benchmark.idle-seconds", 5);
    private static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 16);
    private static final List<Integer> BATCHES = List.of(100, 20, 1);

    @Autowired
    IngestReadModels readModels;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;
    @LocalServerPort
    int port;

    @Test
    void measureCpuPerCollectRequest() {
        IngestFixtures fixtures = new IngestFixtures(readModels, pepper);
        TenantId project = IngestFixtures.newTenant();
        String apiKey = fixtures.apiKeyOf(project);
        fixtures.webTracker(project, "bench-web", "localhost");
        fixtures.creditOf(project, 2_000_000_000L);
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).build();
        String uri = "/collector/collect/custom/" + project.value() + "/bench-web?api_key=" + apiKey;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        List<String> reports = new ArrayList<>();
        // Every size warms up before any is measured, so the first measured size does not pay for the JIT alone.
        for (int batch : BATCHES) {
            run(client, uri, batch, Duration.ofSeconds(WARMUP_SECONDS));
        }
        for (int batch : BATCHES) {
            run(client, uri, batch, Duration.ofSeconds(2));
            double idleCores = idleCores(os);
            Map<Long, ThreadCpu> threadsBefore = threadCpu();
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            long[] nanos = run(client, uri, batch, Duration.ofSeconds(SECONDS));
            long wall = System.nanoTime() - wallBefore;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            Map<String, Long> byGroup = threadCpuSince(threadsBefore, ThreadCpu::nanos);
            Map<String, Long> allocatedByGroup = threadCpuSince(threadsBefore, ThreadCpu::allocatedBytes);
            long javaThreads = byGroup.values().stream().mapToLong(Long::longValue).sum();
            Arrays.sort(nanos);
            double net = cpu - idleCores * wall;
            reports.add(String.format("collector CPU benchmark: batch %d, %d requests in %d s with %d in flight: %.0f req/s "
                            + "(%.0f events/s), wall p50 %.1f ms, p99 %.1f ms; process CPU %.0f µs per request (%.2f cores), "
                            + "%.0f µs per request and %.1f µs per event net of the idle process (%.2f cores); load average %.2f",
                    batch, nanos.length, SECONDS, CONCURRENCY, nanos.length / (wall / 1e9), nanos.length * batch / (wall / 1e9),
                    nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                    cpu / 1e3 / nanos.length, (double) cpu / wall, net / 1e3 / nanos.length, net / 1e3 / nanos.length / batch,
                    idleCores, os.getSystemLoadAverage()));
            int requests = nanos.length;
            reports.add(String.format("  batch %d: Java threads (no JIT, no GC) %.0f µs per request; by thread: %s", batch,
                    javaThreads / 1e3 / requests, byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .limit(8).map(e -> String.format("%s %.0f", e.getKey(), e.getValue() / 1e3 / requests))
                            .collect(Collectors.joining(", "))));
            reports.add(String.format("  batch %d: heap allocated by Java threads %.1f KB per request; by thread: %s", batch,
                    allocatedByGroup.values().stream().mapToLong(Long::longValue).sum() / 1e3 / requests,
                    allocatedByGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .limit(6).map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / 1e3 / requests))
                            .collect(Collectors.joining(", "))));
            assertThat(nanos.length).isPositive();
        }
        reports.forEach(System.out::println);
    }

    private record ThreadCpu(String group, long nanos, long allocatedBytes) {
    }

    /**
     * CPU time and heap bytes allocated of every live Java thread, by id, with its name without the
     * trailing number (the pool). Allocation hardly depends on the machine's load, so it compares
     * runs that the CPU figures, on a shared box, cannot.
     */
    private static Map<Long, ThreadCpu> threadCpu() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, ThreadCpu> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), new ThreadCpu(info.getThreadName().replaceAll("[-_#]?\\d+$", "").replaceAll("\\d+", "N"), nanos,
                            Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()))));
                }
            }
        }
        return cpu;
    }

    /**
     * CPU time (or allocated bytes) per thread pool since {@code before}: Java threads only, so JIT compiler and GC threads are
     * left out (on a loaded machine the compilers' share of a short run varies most); threads that ended meanwhile are lost.
     */
    private static Map<String, Long> threadCpuSince(Map<Long, ThreadCpu> before, java.util.function.ToLongFunction<ThreadCpu> measure) {
        Map<String, Long> byGroup = new TreeMap<>();
        threadCpu().forEach((id, now) -> {
            ThreadCpu then = before.get(id);
            byGroup.merge(now.group(), measure.applyAsLong(now) - (then == null ? 0 : measure.applyAsLong(then)), Long::sum);
        });
        return byGroup;
    }

    /**
     * The CPU the process burns with no request in flight (Streams commits and polls, the broker,
     * metrics): at a few hundred requests a second it would otherwise be a large share of "per request".
     */
    private static double idleCores(com.sun.management.OperatingSystemMXBean os) {
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        LockSupport.parkNanos(Duration.ofSeconds(IDLE_SECONDS).toNanos());
        return (double) (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
    }

    /** Requests until {@code duration} is over, {@link #CONCURRENCY} at a time; each must be a 200. */
    private static long[] run(WebClient client, String uri, int batch, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long[] nanos = new long[1 << 20];
        AtomicInteger n = new AtomicInteger();
        Flux.range(0, Integer.MAX_VALUE)
                .takeWhile(i -> System.nanoTime() < end)
                .flatMap(i -> {
                    long start = System.nanoTime();
                    return client.post().uri(uri).header("Origin", "http://localhost").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(CollectorBatches.body(batch))
                            .retrieve().toBodilessEntity()
                            .doOnNext(response -> {
                                assertThat(response.getStatusCode().value()).isEqualTo(200);
                                int at = n.getAndIncrement();
                                if (at < nanos.length) {
                                    nanos[at] = System.nanoTime() - start;
                                }
                            });
                }, CONCURRENCY)
                .then(Mono.empty())
                .block();
        return Arrays.copyOf(nanos, Math.min(n.get(), nanos.length));
    }
}
