package io.nextbest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Recommend latency at fixed arrival rates (open loop, coordinated-omission corrected) per
 * catalog. Requests cycle through the sample customers {@code SBX-000001…SBX-000500} on the
 * tenant's default flow, three decisions each, as the seed's client asks, on the sample's
 * {@code web} channel ({@code impressionMode: explicit}). Without a channel every call wrote
 * implicit impressions, each of the 500 customers was asked about once a second, and within
 * seconds the sample's frequency cap (3 per 7 days) dropped every candidate: the runs measured
 * empty answers. On {@code web} nothing caps, so every call ranks the whole catalog; after each
 * run one {@code debug} call reports the funnel, so the results file shows that it did.
 */
final class RecommendScenario {

    static final int CUSTOMERS = 500;
    static final int WARMUP_CONCURRENCY = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Row(BenchTenants.Tenant tenant, int rate, LoadResult result, String funnel) {
    }

    private final BenchHttp http;
    private final OpenLoop openLoop;
    private final Saturation saturation;
    private final Settle settle;
    private final JitWarmup jit;

    RecommendScenario(BenchHttp http, OpenLoop openLoop, Saturation saturation, Settle settle, JitWarmup jit) {
        this.http = http;
        this.openLoop = openLoop;
        this.saturation = saturation;
        this.settle = settle;
        this.jit = jit;
    }

    /**
     * @param jitWarmup the shortest unmeasured closed-loop run over every catalog first (16 in flight),
     *                  which then lasts until the JIT settled ({@link JitWarmup}): the first measured run
     *                  otherwise paid for the JIT compiling the recommend path (the 60-offer tenant at
     *                  500/s queued to a p50 of 7.5 s while the 200-offer one, measured later, answered at
     *                  106 ms)
     */
    List<Row> run(List<BenchTenants.Tenant> tenants, List<Integer> rates, Duration jitWarmup, Duration warmup, Duration measured) {
        List<Row> rows = new ArrayList<>();
        if (!jitWarmup.isZero() && !tenants.isEmpty() && !rates.isEmpty()) {
            settle.before("recommend JIT warm-up");
            jit.run("recommend JIT warm-up", jitWarmup, time -> saturation.run("recommend JIT warm-up", WARMUP_CONCURRENCY, Duration.ZERO, time, i -> {
                BenchTenants.Tenant tenant = tenants.get((int) (i % tenants.size()));
                return http.post("/api/v1/recommend", tenant.headers(), body(i / tenants.size()));
            }));
        }
        for (BenchTenants.Tenant tenant : tenants) {
            for (int rate : rates) {
                settle.before("recommend " + tenant.offers() + " offers at " + rate + "/s");
                LoadResult result = openLoop.run("recommend " + tenant.offers() + " offers at " + rate + "/s", rate, warmup,
                        measured, i -> http.post("/api/v1/recommend", tenant.headers(), body(i)));
                rows.add(new Row(tenant, rate, result, funnel(tenant)));
                System.out.printf("bench: recommend %d offers at %d/s: p50 %s p99 %s p99.9 %s ms, failures %s%n", tenant.offers(),
                        rate, result.millis(50), result.millis(99), result.millis(99.9), result.failureSummary());
            }
        }
        return rows;
    }

    private static String body(long i) {
        return String.format("{\"customerId\":\"SBX-%06d\",\"limit\":3,\"channelId\":\"%s\"}", 1 + i % CUSTOMERS,
                FeedbackLoopScenario.CHANNEL);
    }

    // The response's funnel counts (candidates → qualified → allowed by contact policies → returned)
    // for the first customer, who was asked most often during the run.
    private String funnel(BenchTenants.Tenant tenant) {
        BenchHttp.Response r = http.post("/api/v1/recommend", tenant.headers(),
                body(0).replace("}", ",\"debug\":true}")).block(Duration.ofSeconds(30));
        if (r == null || !r.ok()) {
            return "n/a (" + (r == null ? "no answer" : r.status()) + ")";
        }
        JsonNode meta = JSON.readTree(r.body()).path("meta");
        return meta.path("totalCandidates").asInt() + " → " + meta.path("afterQualification").asInt() + " → "
                + meta.path("afterContactPolicy").asInt() + " → " + meta.path("finalCount").asInt();
    }
}
