package io.nextbest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An unmeasured load that lasts until standalone's JIT has caught up with it. On two busy cores the
 * JIT's two compiler threads get a small share of the CPU, so their queue drains for minutes: after a
 * fixed 30-s warm-up they still used 20–37 % of a core, code still ran in its slower profiled tier,
 * and whichever catalog was measured first paid for it (60 offers at 500/s: p50 25.7 ms after 30 s,
 * 7.4 ms after 300 s). So the load runs for at least {@code min}, then in {@link #ROUND}s until the
 * compiler threads used less than {@link #SETTLED_PERCENT} of one core over a round (at most
 * {@code max}); each warm-up's length and its compiler CPU are reported.
 */
final class JitWarmup {

    static final Duration ROUND = Duration.ofSeconds(10);
    static final double SETTLED_PERCENT = 10;

    /** One warm-up: how long it ran and what the compiler threads used over its last round. */
    record Result(String name, double seconds, double lastCompilerPercent, boolean settled) {
        String describe() {
            return String.format("%s: %.0f s, %s (compiler threads %.0f %% of a core over the last %d s)", name, seconds,
                    settled ? "JIT settled" : "JIT NOT settled", lastCompilerPercent, ROUND.toSeconds());
        }
    }

    private final long pid;
    private final long ticksPerSecond;
    private final Duration max;
    private final List<Result> results = new ArrayList<>();

    JitWarmup(long pid, long ticksPerSecond, Duration max) {
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
        this.max = max;
    }

    /** @param load runs the unmeasured load for the given time and returns when it is over */
    Result run(String name, Duration min, Consumer<Duration> load) {
        long start = System.nanoTime();
        load.accept(min);
        double percent;
        boolean settled;
        do {
            Map<String, Long> before = compilerTicks();
            long roundStart = System.nanoTime();
            load.accept(ROUND);
            percent = 100.0 * ticksSince(before) / ticksPerSecond / ((System.nanoTime() - roundStart) / 1e9);
            settled = percent < SETTLED_PERCENT;
        } while (!settled && System.nanoTime() - start < max.toNanos());
        Result result = new Result(name, (System.nanoTime() - start) / 1e9, percent, settled);
        synchronized (results) {
            results.add(result);
        }
        System.out.println("bench: warm-up " + result.describe());
        return result;
    }

    List<Result> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    // Compiler threads come and go (HotSpot starts more while the queue is long and stops idle ones), so
    // ticks are compared per thread id; one that started during the round counts from zero.
    private long ticksSince(Map<String, Long> before) {
        long ticks = 0;
        for (Map.Entry<String, Long> now : compilerTicks().entrySet()) {
            ticks += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return ticks;
    }

    /** utime + stime of each JIT compiler thread ({@code C1/C2 CompilerThreadN}), by thread id. */
    private Map<String, Long> compilerTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        ticks.put(task.getFileName().toString(), ProcessSampler.cpuTicks(task.resolve("stat")));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            // the process is gone: no compiler ticks
        }
        return ticks;
    }
}
