package io.nextbest.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Mono;

/**
 * Open-loop load at a fixed arrival rate: request {@code i} is due at {@code start + i / rate},
 * is sent then whether or not earlier requests have been answered, and its latency is measured
 * from that intended time, not from when it actually left. A stalled server therefore shows up
 * as latency of every request that should have been sent meanwhile (coordinated-omission
 * correction), instead of as a pause in which no samples are taken. Requests due during the
 * warm-up are sent but not recorded.
 */
final class OpenLoop {

    private final long pid;
    private final long ticksPerSecond;

    OpenLoop(long pid, long ticksPerSecond) {
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
    }

    LoadResult run(String name, double ratePerSecond, Duration warmup, Duration measured,
                   LongFunction<Mono<BenchHttp.Response>> request) {
        long periodNanos = (long) (1e9 / ratePerSecond);
        long warmupCount = (long) (ratePerSecond * warmup.toNanos() / 1e9);
        long total = warmupCount + (long) (ratePerSecond * measured.toNanos() / 1e9);
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        Map<Integer, Long> failures = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch((int) total);
        long start = System.nanoTime();
        long measuredStart = start + warmupCount * periodNanos;
        AtomicLong lastAnswer = new AtomicLong(measuredStart);
        ProcessSampler sampler = null;
        for (long i = 0; i < total; i++) {
            long intended = start + i * periodNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (i == warmupCount) {
                sampler = new ProcessSampler(pid, ticksPerSecond);
            }
            boolean record = i >= warmupCount;
            request.apply(i).subscribe(response -> {
                if (record) {
                    if (response.ok()) {
                        long now = System.nanoTime();
                        recorder.recordValue(Math.max(1, (now - intended) / 1000));
                        ok.incrementAndGet();
                        lastAnswer.accumulateAndGet(now, Math::max);
                    } else {
                        failures.merge(response.status(), 1L, Long::sum);
                    }
                }
                done.countDown();
            }, e -> done.countDown());
        }
        long lastDue = start + total * periodNanos;
        awaitQuietly(done);
        ProcessSampler.Usage usage = sampler == null ? new ProcessSampler(pid, ticksPerSecond).usage() : sampler.usage();
        // Answers per second over the time they took to arrive, not over the offered window: a server
        // that falls behind answers the backlog after the last request was due, and dividing by the
        // window would report the offered rate as the rate it sustained.
        double seconds = (Math.max(lastDue, lastAnswer.get()) - measuredStart) / 1e9;
        Histogram histogram = recorder.getIntervalHistogram();
        return new LoadResult(name, seconds, ok.get(), failures, histogram, usage);
    }

    static void awaitQuietly(CountDownLatch done) {
        try {
            if (!done.await(90, TimeUnit.SECONDS)) {
                System.err.println("bench: " + done.getCount() + " requests still open after 90 s, reporting without them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
