package io.nextbest.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Waits, before a measured run, until standalone has worked off what the previous run left it:
 * an overloaded recommend run leaves queued requests, and every recommend and collector request
 * leaves records the feedback topology works through for minutes afterwards. Without this wait a
 * run measures its predecessor's backlog as much as itself (the collector's events/s varied
 * threefold with the order of the runs). Quiet = standalone's CPU below {@link #QUIET_PERCENT} of
 * one core over one {@link #WINDOW_MS} window; the wait is bounded and every wait is reported.
 */
final class Settle {

    static final double QUIET_PERCENT = 30;
    static final long WINDOW_MS = 2000;

    /** One wait: how long it took and the CPU of the last window (quiet or the bound was reached). */
    record Wait(String before, double seconds, double lastCpuPercent, boolean quiet) {
        String describe() {
            return String.format("%s: %s after %.0f s (CPU %.0f %%)", before, quiet ? "quiet" : "NOT quiet", seconds, lastCpuPercent);
        }
    }

    private final long pid;
    private final long ticksPerSecond;
    private final long maxWaitMs;
    private final List<Wait> waits = new ArrayList<>();

    Settle(long pid, long ticksPerSecond, long maxWaitMs) {
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
        this.maxWaitMs = maxWaitMs;
    }

    Wait before(String run) {
        long start = System.nanoTime();
        double cpu;
        boolean quiet;
        do {
            try (ProcessSampler window = new ProcessSampler(pid, ticksPerSecond)) {
                BenchTenants.sleep(WINDOW_MS);
                cpu = window.usage().meanCpuPercent();
            }
            quiet = cpu < QUIET_PERCENT;
        } while (!quiet && (System.nanoTime() - start) / 1_000_000 < maxWaitMs);
        Wait wait = new Wait(run, (System.nanoTime() - start) / 1e9, cpu, quiet);
        synchronized (waits) {
            waits.add(wait);
        }
        System.out.println("bench: settle before " + wait.describe());
        return wait;
    }

    List<Wait> waits() {
        synchronized (waits) {
            return List.copyOf(waits);
        }
    }
}
