package io.nextbest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Collector throughput per batch size: first a closed-loop saturation run (the most events/s the
 * collector answers 200 for, each 200 meaning every record of the batch was acknowledged with
 * acks=all), then an open-loop run at {@link #OPEN_LOOP_SHARE} of that request rate for latency
 * measured from the intended send time. Last, the largest batch open loop at the issue's
 * {@link #TARGET_EVENTS_PER_SECOND}: the target names a rate and a p99 together, which neither
 * run above measures (a saturation p99 is service time under a queue the client keeps full, and
 * the open-loop run's rate depends on the saturation one). Every event has its own
 * {@code event_id}, so nothing is a duplicate downstream.
 */
final class CollectorScenario {

    static final double OPEN_LOOP_SHARE = 0.7;
    static final int SATURATION_CONCURRENCY = 64;

    static final int TARGET_EVENTS_PER_SECOND = 100_000;

    record Row(int batch, LoadResult saturation, LoadResult openLoop, double openLoopRate) {
    }

    /** The open-loop run at the target rate, in batches of {@code batch} events. */
    record TargetRun(int batch, double rate, LoadResult result) {
    }

    record Runs(List<Row> rows, TargetRun target) {
    }

    private final BenchHttp http;
    private final Saturation saturation;
    private final OpenLoop openLoop;
    private final Settle settle;
    private final JitWarmup jit;
    private final BenchTenants.Tenant tenant;
    private final String tracker;

    CollectorScenario(BenchHttp http, Saturation saturation, OpenLoop openLoop, Settle settle, JitWarmup jit, BenchTenants.Tenant tenant,
                      String tracker) {
        this.http = http;
        this.saturation = saturation;
        this.openLoop = openLoop;
        this.settle = settle;
        this.jit = jit;
        this.tenant = tenant;
        this.tracker = tracker;
    }

    /**
     * @param jitWarmup the shortest unmeasured closed-loop run of mixed batches first, which then lasts
     *                  until the JIT settled ({@link JitWarmup}): the collector's code is compiled by the
     *                  JIT only under its own load, and the JIT's compiler threads took 20–40 % of a core
     *                  through a 5-s warm-up
     */
    Runs run(List<Integer> batches, Duration jitWarmup, Duration warmup, Duration measured) {
        List<Row> rows = new ArrayList<>();
        String uri = "/collector/collect/custom/" + tenant.id() + "/" + tracker + "?api_key=" + tenant.apiKey();
        // Quiet once, before the warm-up, not between the batches: the collector accepts events faster
        // than the feedback app folds them, so from here on standalone is never quiet again, and that
        // fold sharing the two cores is part of what each batch measures.
        settle.before("collector runs");
        if (!jitWarmup.isZero() && !batches.isEmpty()) {
            jit.run("collector JIT warm-up", jitWarmup, time -> saturation.run("collector JIT warm-up", SATURATION_CONCURRENCY, Duration.ZERO, time,
                    i -> post(uri, batches.get((int) (i % batches.size())))));
        }
        for (int batch : batches) {
            LoadResult max = saturation.run("collector batch " + batch + " saturation", SATURATION_CONCURRENCY, warmup, measured,
                    i -> post(uri, batch));
            double rate = Math.max(1, OPEN_LOOP_SHARE * max.okPerSecond());
            LoadResult open = openLoop.run("collector batch " + batch + " open loop", rate, warmup, measured,
                    i -> post(uri, batch));
            rows.add(new Row(batch, max, open, rate));
            System.out.printf("bench: collector batch %d: %.0f events/s at saturation, open loop %.0f req/s p99 %s ms%n",
                    batch, max.okPerSecond() * batch, rate, open.millis(99));
        }
        TargetRun target = null;
        if (!batches.isEmpty()) {
            int batch = batches.stream().max(Integer::compare).orElseThrow();
            double rate = (double) TARGET_EVENTS_PER_SECOND / batch;
            LoadResult result = openLoop.run("collector batch " + batch + " at the target rate", rate, warmup, measured,
                    i -> post(uri, batch));
            target = new TargetRun(batch, rate, result);
            System.out.printf("bench: collector batch %d open loop at %.0f events/s: %.0f answered/s, p99 %s ms%n",
                    batch, rate * batch, result.okPerSecond() * batch, result.millis(99));
        }
        return new Runs(rows, target);
    }

    /** One batch of {@code batch} events from the demo web tracker's allowed origin. */
    private Mono<BenchHttp.Response> post(String uri, int batch) {
        return http.post(uri, h -> h.set("Origin", "http://localhost"), CollectorBatches.body(batch));
    }
}
