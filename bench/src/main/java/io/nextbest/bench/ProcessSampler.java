package io.nextbest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples one process's resident memory ({@code VmRSS} of {@code /proc/<pid>/status}) and CPU time
 * ({@code utime + stime} of {@code /proc/<pid>/stat}) every {@link #PERIOD_MS} ms while a run lasts.
 * CPU is reported in percent of one core (200 % = both cores of a 2-core box busy).
 */
final class ProcessSampler implements AutoCloseable {

    static final long PERIOD_MS = 500;

    /** What one run cost the process. */
    record Usage(long peakRssKb, long meanRssKb, double meanCpuPercent, double peakCpuPercent, int samples) {
        String rss() {
            return String.format("peak %d MiB, mean %d MiB", peakRssKb / 1024, meanRssKb / 1024);
        }

        String cpu() {
            return String.format("mean %.0f %%, peak %.0f %%", meanCpuPercent, peakCpuPercent);
        }
    }

    private final long pid;
    private final long ticksPerSecond;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-sampler");
        t.setDaemon(true);
        return t;
    });
    private long startTicks;
    private long startNanos;
    private long lastTicks;
    private long lastNanos;
    private long rssSumKb;
    private long peakRssKb;
    private double peakCpu;
    private int samples;

    ProcessSampler(long pid, long ticksPerSecond) {
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
        startTicks = lastTicks = cpuTicks();
        startNanos = lastNanos = System.nanoTime();
        timer.scheduleAtFixedRate(this::sample, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        long ticks = cpuTicks();
        long now = System.nanoTime();
        long rss = rssKb();
        if (ticks < 0 || rss < 0) {
            return;
        }
        // A peak over a very short interval is tick rounding (one tick is 10 ms of CPU), not load.
        if (now - lastNanos >= PERIOD_MS * 1_000_000 / 2) {
            peakCpu = Math.max(peakCpu, percent(ticks - lastTicks, now - lastNanos));
        }
        lastTicks = ticks;
        lastNanos = now;
        rssSumKb += rss;
        peakRssKb = Math.max(peakRssKb, rss);
        samples++;
    }

    private double percent(long ticks, long nanos) {
        return nanos <= 0 ? 0 : 100.0 * ticks / ticksPerSecond / (nanos / 1e9);
    }

    /** Stops sampling and answers the run's usage. */
    synchronized Usage usage() {
        timer.shutdownNow();
        sample();
        double meanCpu = percent(lastTicks - startTicks, lastNanos - startNanos);
        return new Usage(peakRssKb, samples == 0 ? 0 : rssSumKb / samples, meanCpu, peakCpu, samples);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private long cpuTicks() {
        try {
            return cpuTicks(Path.of("/proc/" + pid + "/stat"));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of a {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat} file, in clock ticks. */
    static long cpuTicks(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        // The command name (field 2) may hold spaces; fields after its closing ')' start at field 3.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 (utime) and 15 (stime)
    }

    private long rssKb() {
        return Machine.statusField(pid, "VmRSS");
    }
}
