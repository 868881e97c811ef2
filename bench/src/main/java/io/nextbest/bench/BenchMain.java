package io.nextbest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The load generator's entry point, started by {@code bench/run.sh} against a standalone that is
 * already up: sets up the tenants, runs the collector, recommend and feedback-loop measurements
 * while sampling the standalone process, and writes the results as Markdown. Arguments are
 * {@code --name=value} (see {@link Options}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** Every knob of a run, each with its default; run.sh passes the ones it knows. */
    record Options(String baseUrl, long pid, String commit, Path out, String demoTenant, String demoKey, String operatorKey,
                   Duration warmup, Duration measured, Set<String> only, List<Integer> batches, List<Integer> rates,
                   List<Integer> catalogs, int trials, long ticksPerSecond, String standaloneFlags, int connections,
                   Duration settleMax, Duration collectorJitWarmup, Duration recommendJitWarmup, Duration jitWarmupMax) {

        static Options parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("arguments are --name=value, got " + arg);
                }
                a.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            return new Options(required(a, "base-url"), Long.parseLong(required(a, "pid")), a.getOrDefault("commit", "unknown"),
                    Path.of(required(a, "out")), required(a, "demo-tenant"), required(a, "demo-key"), required(a, "operator-key"),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup-s", "5"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("duration-s", "15"))),
                    Set.of(a.getOrDefault("only", "collector,recommend,feedback-loop").split(",")),
                    ints(a.getOrDefault("batches", "1,20,100")), ints(a.getOrDefault("rates", "500,1000,2000")),
                    ints(a.getOrDefault("catalogs", "200,1000")), Integer.parseInt(a.getOrDefault("trials", "60")),
                    Long.parseLong(a.getOrDefault("clk-tck", "100")), a.getOrDefault("standalone-flags", "?"),
                    Integer.parseInt(a.getOrDefault("connections", "256")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("settle-max-s", "60"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("collector-jit-warmup-s", "30"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("recommend-jit-warmup-s", "30"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("jit-warmup-max-s", "360"))));
        }

        private static String required(Map<String, String> a, String name) {
            String value = a.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + "= is required");
            }
            return value;
        }

        private static List<Integer> ints(String csv) {
            return csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
        }
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        Report report = new Report(options);
        // Two event-loop threads: the box has two cores and the standalone under test needs them too.
        try (BenchHttp http = new BenchHttp(options.baseUrl(), options.connections(), 2)) {
            BenchTenants tenants = new BenchTenants(http, options.operatorKey());
            BenchTenants.Tenant demo = new BenchTenants.Tenant(options.demoTenant(), options.demoKey(), 60);
            OpenLoop openLoop = new OpenLoop(options.pid(), options.ticksPerSecond());
            Saturation saturation = new Saturation(options.pid(), options.ticksPerSecond());
            Settle settle = new Settle(options.pid(), options.ticksPerSecond(), options.settleMax().toMillis());
            report.settle(settle);
            JitWarmup jit = new JitWarmup(options.pid(), options.ticksPerSecond(), options.jitWarmupMax());
            report.jit(jit);
            // The feedback loop first, on a quiet pipeline: every recommend and collector request of the other runs
            // is a record the feedback topology works through afterwards, which would delay the clicks measured here.
            if (options.only().contains("feedback-loop")) {
                BenchTenants.Tenant t = tenants.create("bench-feedback", 60);
                tenants.addFeedbackFlow(t);
                tenants.awaitCatalog(t, BenchTenants.FEEDBACK_FLOW);
                settle.before("feedback loop");
                report.loadBefore("feedback loop");
                report.feedbackLoop(new FeedbackLoopScenario(http, t).run(options.trials()));
                write(options, report);
            }
            if (options.only().contains("recommend")) {
                List<BenchTenants.Tenant> catalogs = new java.util.ArrayList<>(List.of(demo));
                for (int offers : options.catalogs()) {
                    BenchTenants.Tenant t = tenants.create("bench-c" + offers, offers);
                    tenants.awaitCatalog(t, null);
                    catalogs.add(t);
                }
                tenants.awaitCatalog(demo, null);
                report.loadBefore("recommend");
                report.recommend(new RecommendScenario(http, openLoop, saturation, settle, jit)
                        .run(catalogs, options.rates(), options.recommendJitWarmup(), options.warmup(), options.measured()));
                write(options, report);
            }
            // Last: its events keep the feedback topology busy for a while after the run.
            if (options.only().contains("collector")) {
                // Enough credit for every event the runs could send (the demo starts with 100,000).
                tenants.topUp(demo, 2_000_000_000L);
                BenchTenants.sleep(2000);
                report.loadBefore("collector");
                report.collector(new CollectorScenario(http, saturation, openLoop, settle, jit, demo, "sbx-web")
                        .run(options.batches(), options.collectorJitWarmup(), options.warmup(), options.measured()));
            }
        }
        write(options, report);
        System.out.println("bench: wrote " + options.out());
    }

    /** After every part, so a run that is stopped half-way still leaves what it measured. */
    private static void write(Options options, Report report) throws IOException {
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), report.markdown());
    }
}
