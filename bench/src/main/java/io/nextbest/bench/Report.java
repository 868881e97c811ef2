package io.nextbest.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results file: machine, commit and settings, then one table per measurement and a summary
 * against the targets. run.sh appends the feedback-topology section after standalone stopped.
 */
final class Report {

    private final BenchMain.Options options;
    private final Instant started = Instant.now();
    private final Map<String, String> loadAverages = new LinkedHashMap<>();
    private final List<String> targets = new ArrayList<>();
    private final StringBuilder sections = new StringBuilder();

    Report(BenchMain.Options options) {
        this.options = options;
        loadAverages.put("start", Machine.loadAverage());
    }

    private Settle settle;
    private JitWarmup jit;

    void jit(JitWarmup warmups) {
        this.jit = warmups;
    }

    void settle(Settle waits) {
        this.settle = waits;
    }

    void loadBefore(String scenario) {
        loadAverages.put("before " + scenario, Machine.loadAverage());
    }

    void collector(CollectorScenario.Runs runs) {
        List<CollectorScenario.Row> rows = runs.rows();
        sections.append("\n## Collector throughput\n\n")
                .append("`POST /collector/collect/custom/{tenant}/sbx-web` on the demo tenant; a 200 means every event of the "
                        + "batch was acknowledged by the broker (acks=all). Saturation: ")
                .append(CollectorScenario.SATURATION_CONCURRENCY)
                .append(" requests kept in flight (closed loop), latency = service time. Open loop: a fixed arrival rate of ")
                .append(Math.round(CollectorScenario.OPEN_LOOP_SHARE * 100))
                .append(" % of the saturation request rate, latency from the intended send time (coordinated-omission corrected). "
                        + "At the target rate: the largest batch open loop at ")
                .append(String.format("%,d", CollectorScenario.TARGET_EVENTS_PER_SECOND))
                .append(" events/s, the rate the target names, whatever the saturation run reached. An open loop's answered/s "
                        + "counts its 200s over the time from its first measured send to its last answer, so a run that falls "
                        + "behind shows the rate it sustained, not the rate offered.\n\n")
                .append("| batch | saturation events/s | saturation req/s | sat. p50 / p99 ms | open-loop req/s (events/s) | open-loop p50 / p99 / p99.9 ms "
                        + "| non-2xx | standalone RSS | standalone CPU |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
        CollectorScenario.Row best = null;
        for (CollectorScenario.Row r : rows) {
            LoadResult s = r.saturation();
            LoadResult o = r.openLoop();
            sections.append(String.format("| %d | %,.0f | %,.0f | %s / %s | %,.0f (%,.0f) | %s / %s / %s | sat: %s; open: %s | sat: %s; open: %s | sat: %s; open: %s |%n",
                    r.batch(), s.okPerSecond() * r.batch(), s.okPerSecond(), s.millis(50), s.millis(99), o.okPerSecond(),
                    o.okPerSecond() * r.batch(), o.millis(50), o.millis(99), o.millis(99.9), s.failureSummary(), o.failureSummary(),
                    s.usage().rss(), o.usage().rss(), s.usage().cpu(), o.usage().cpu()));
            if (best == null || s.okPerSecond() * r.batch() > best.saturation().okPerSecond() * best.batch()) {
                best = r;
            }
            rss(s.usage());
            rss(o.usage());
        }
        CollectorScenario.TargetRun target = runs.target();
        if (target != null) {
            LoadResult t = target.result();
            sections.append(String.format("%nAt the target rate: batch %d, %,.0f req/s offered (%,.0f events/s): %,.0f events/s answered 200, "
                            + "p50 / p99 / p99.9 %s / %s / %s ms, max %s ms; non-2xx: %s; standalone RSS %s, CPU %s.%n",
                    target.batch(), target.rate(), target.rate() * target.batch(), t.okPerSecond() * target.batch(), t.millis(50),
                    t.millis(99), t.millis(99.9), t.millis(100), t.failureSummary(), t.usage().rss(), t.usage().cpu()));
            rss(t.usage());
        }
        if (best != null) {
            String atTarget = target == null ? "" : String.format("; open loop at the target rate (batch %d, %,.0f events/s offered): "
                            + "%,.0f answered/s, p99 %s ms", target.batch(), target.rate() * target.batch(),
                    target.result().okPerSecond() * target.batch(), target.result().millis(99));
            boolean met = target != null && target.result().failures().isEmpty()
                    && target.result().okPerSecond() * target.batch() >= 0.99 * CollectorScenario.TARGET_EVENTS_PER_SECOND
                    && p99(target.result()) <= 50;
            targets.add(String.format("| collector ≥ 100,000 events/s accepted in batches, p99 ≤ 50 ms | %,.0f events/s at batch %d "
                            + "(saturation, p99 %s ms); open loop at %,.0f events/s: p99 %s ms%s | %s |",
                    best.saturation().okPerSecond() * best.batch(), best.batch(), best.saturation().millis(99),
                    best.openLoop().okPerSecond() * best.batch(), best.openLoop().millis(99), atTarget,
                    met ? "met" : "**not met**"));
        }
    }

    void recommend(List<RecommendScenario.Row> rows) {
        sections.append("\n## Recommend latency\n\n")
                .append("`POST /api/v1/recommend` `{\"customerId\":\"SBX-…\",\"limit\":3,\"channelId\":\"" + FeedbackLoopScenario.CHANNEL
                        + "\"}` on each tenant's default flow (the sample flow: "
                        + "qualification, contact policies, experiment `starbucks-scoring-test` priority_weighted vs propensity), customers "
                        + "cycling through the 500 sample profiles. Open loop at the fixed rate, latency from the intended send time "
                        + "(coordinated-omission corrected), warm-up excluded; answered 2xx/s over the time from the first measured send to the "
                        + "last answer. The larger catalogs are the sample tenant grown through the admin "
                        + "API with clones of the sample offers (3 creatives each). The channel is `impressionMode: explicit`, so no call writes "
                        + "implicit impressions and the sample's frequency cap never empties the answers (without a channel it dropped every "
                        + "candidate within seconds); funnel = candidates → qualified → allowed by contact policies → returned, from one "
                        + "`debug` call for SBX-000001 after the run.\n\n")
                .append("| offers | rate req/s | answered 2xx/s | p50 ms | p99 ms | p99.9 ms | max ms | non-2xx | funnel | standalone RSS | standalone CPU |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- |\n");
        for (RecommendScenario.Row r : rows) {
            LoadResult x = r.result();
            sections.append(String.format("| %d | %,d | %,.0f | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.tenant().offers(), r.rate(),
                    x.okPerSecond(), x.millis(50), x.millis(99), x.millis(99.9), x.millis(100), x.failureSummary(), r.funnel(), x.usage().rss(),
                    x.usage().cpu()));
            rss(x.usage());
        }
        rows.stream().filter(r -> r.rate() == 2000).forEach(r -> targets.add(String.format(
                "| recommend p99 ≤ 5 ms at 2,000 req/s (target stated for 200 offers) | %d offers: p99 %s ms (%,.0f answered/s) | %s |",
                r.tenant().offers(), r.result().millis(99), r.result().okPerSecond(),
                r.tenant().offers() != 200 ? "(reference)" : p99(r.result()) <= 5 && r.result().failures().isEmpty() ? "met" : "**not met**")));
    }

    void feedbackLoop(FeedbackLoopScenario.Result result) {
        sections.append("\n## Feedback loop (respond → ranking)\n\n")
                .append("Tenant `bench-feedback` (sample data) with a flow `" + BenchTenants.FEEDBACK_FLOW + "` scoring by `propensity` "
                        + "only, every recommend on channel `" + FeedbackLoopScenario.CHANNEL + "` (`impressionMode: explicit`, so polling writes "
                        + "no implicit impressions, only one decision record per call). Per trial: recommend, respond `click` on one of "
                        + "the shown offers' creatives, then poll recommend every ")
                .append(FeedbackLoopScenario.POLL.toMillis())
                .append(" ms until that offer's `scoreExplanation` shows its own evidence grown. Time from the respond's 201 to the first "
                        + "recommend answer showing it (poll interval and one round trip included); trials one after another, no other load.\n\n")
                .append("| trials | p50 ms | p95 ms | max ms | not seen within ")
                .append(FeedbackLoopScenario.GIVE_UP.toSeconds()).append(" s |\n| ---: | ---: | ---: | ---: | ---: |\n")
                .append(String.format("| %d | %s | %s | %s | %d |%n", result.trials(), result.millis(50), result.millis(95),
                        result.millis(100), result.timedOut()));
        targets.add(String.format("| respond → ranking p95 ≤ 300 ms | p95 %s ms (p50 %s ms) | %s |", result.millis(95), result.millis(50),
                result.latencyMicros().getTotalCount() > 0 && result.timedOut() == 0
                        && result.latencyMicros().getValueAtPercentile(95) <= 300_000 ? "met" : "**not met**"));
    }

    private long peakRssKb;

    private void rss(ProcessSampler.Usage usage) {
        peakRssKb = Math.max(peakRssKb, usage.peakRssKb());
    }

    private static double p99(LoadResult r) {
        return r.latencyMicros().getTotalCount() == 0 ? Double.MAX_VALUE : r.latencyMicros().getValueAtPercentile(99) / 1000.0;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark ").append(started).append("\n\n")
                .append("- commit: `").append(options.commit()).append("`\n")
                .append("- machine: ").append(Machine.describe()).append("; load generator on the same box\n")
                .append("- load average (1, 5, 15 min, as `uptime`): ");
        loadAverages.forEach((when, load) -> md.append(when).append(" ").append(load).append("; "));
        md.append("end ").append(Machine.loadAverage()).append("\n")
                .append("- standalone: its own JVM, `").append(options.standaloneFlags()).append("`, embedded KRaft broker and PostgreSQL "
                        + "in a temp data dir; rate limits raised for the run (`NEXTBEST_INGEST_RATE_LIMIT_*` and "
                        + "`NEXTBEST_DECISION_RATE_LIMIT_*` = 1,000,000 capacity and 1,000,000 per s) so the per-key Bucket4j limit "
                        + "(default 200 / 100 per s) does not shape the load; demo tenant topped up with 2,000,000,000 credits\n")
                .append("- load generator: Reactor Netty HttpClient, ").append(options.connections())
                .append(" pooled connections, 2 event-loop threads; HdrHistogram; warm-up ").append(options.warmup().toSeconds())
                .append(" s, measured ").append(options.measured().toSeconds()).append(" s per run\n")
                .append("- standalone RSS and CPU: `/proc/<pid>/status` VmRSS and `/proc/<pid>/stat` utime+stime sampled every ")
                .append(ProcessSampler.PERIOD_MS).append(" ms during each measured run; CPU in % of one core (")
                .append(Machine.cores() * 100).append(" % = every core)\n");
        if (settle != null) {
            md.append("- before the feedback loop, each recommend run and the collector part the load generator waited until standalone's CPU was below ")
                    .append(Math.round(Settle.QUIET_PERCENT)).append(" % of one core over ").append(Settle.WINDOW_MS / 1000)
                    .append(" s (at most ").append(options.settleMax().toSeconds())
                    .append(" s), so a run does not measure the backlog of the one before (not between the collector's batches: it accepts events faster than feedback folds them, so standalone is not quiet again until long after). Waits: ");
            md.append(String.join("; ", settle.waits().stream().map(Settle.Wait::describe).toList())).append('\n');
        }
        if (jit != null) {
            md.append("- JIT warm-up, unmeasured: the collector runs start after at least ").append(options.collectorJitWarmup().toSeconds())
                    .append(" s of mixed batches (").append(CollectorScenario.SATURATION_CONCURRENCY)
                    .append(" in flight), the recommend runs after at least ").append(options.recommendJitWarmup().toSeconds())
                    .append(" s over every catalog (").append(RecommendScenario.WARMUP_CONCURRENCY).append(" in flight); each then goes on in ").append(JitWarmup.ROUND.toSeconds())
                    .append("-s rounds until standalone's JIT compiler threads used less than ").append(Math.round(JitWarmup.SETTLED_PERCENT))
                    .append(" % of one core over a round (at most ").append(options.jitWarmupMax().toSeconds())
                    .append(" s in all), so runs measure compiled code, not the JIT's backlog. Warm-ups: ");
            md.append(String.join("; ", jit.results().stream().map(JitWarmup.Result::describe).toList())).append('\n');
        }
        List<String> rows = new ArrayList<>(targets);
        if (peakRssKb > 0) {
            rows.add(String.format("| standalone RSS ≤ 1 GiB | peak %d MiB over all runs | %s |", peakRssKb / 1024,
                    peakRssKb <= 1024 * 1024 ? "met" : "**not met**"));
        }
        md.append("\n## Against the targets\n\n| target | measured | |\n| --- | --- | --- |\n");
        rows.forEach(t -> md.append(t).append('\n'));
        md.append("| feedback topology ≥ 50,000 records/s | see \"Feedback topology\" below | |\n");
        md.append(sections);
        return md.toString();
    }
}
