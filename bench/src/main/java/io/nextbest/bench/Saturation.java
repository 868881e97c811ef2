package io.nextbest.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closed-loop load for throughput: {@code concurrency} requests are kept in flight, each sent as
 * soon as the previous one of its lane is answered, for a fixed time. This finds the most the
 * server accepts; the latency it records is service time at saturation, which is why the
 * open-loop {@link OpenLoop} then measures latency at a rate below that.
 */
final class Saturation {

    private final long pid;
    private final long ticksPerSecond;

    Saturation(long pid, long ticksPerSecond) {
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
    }

    LoadResult run(String name, int concurrency, Duration warmup, Duration measured,
                   LongFunction<Mono<BenchHttp.Response>> request) {
        AtomicLong sequence = new AtomicLong();
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long end = warmupEnd + measured.toNanos();
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        Map<Integer, Long> failures = new ConcurrentHashMap<>();
                var completion = Flux.range(0, concurrency)
                .flatMap(lane -> Mono.defer(() -> {
                    long sent = System.nanoTime();
                    return request.apply(sequence.getAndIncrement()).doOnNext(response -> {
                        if (sent < warmupEnd) {
                            return;
                        }
                        if (response.ok()) {
                            recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                            ok.incrementAndGet();
                        } else {
                            failures.merge(response.status(), 1L, Long::sum);
                        }
                    });
                }).repeat(() -> System.nanoTime() < end), concurrency)
                .then().toFuture();
        sleepUntil(warmupEnd);
        ProcessSampler sampler = new ProcessSampler(pid, ticksPerSecond);
        sleepUntil(end);
        ProcessSampler.Usage usage = sampler.usage();
        try {
            // Lanes stop after their last answer; wait so the next run starts on a quiet server.
            completion.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("bench: lanes of " + name + " did not finish: " + e);
        }
        return new LoadResult(name, measured.toNanos() / 1e9, ok.get(), failures, recorder.getIntervalHistogram(), usage);
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }
}
