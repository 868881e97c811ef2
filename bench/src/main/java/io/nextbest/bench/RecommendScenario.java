package io.nextbest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Recommend latency at fixed arrival rates (open loop, coordinated-omission corrected) per
 * catalog. Requests cycle through the sample customers {@code SBX-000001…SBX-000500} on the
 * tenant's default flow, three decisions each, as the seed's client asks.
 */
final class RecommendScenario {

    static final int CUSTOMERS = 500;
    private static final int WARMUP_CONCURRENCY = 16;

    record Row(BenchTenants.Tenant tenant, int rate, LoadResult result) {
    }

    private final BenchHttp http;
    private final OpenLoop openLoop;
    private final Saturation saturation;
    private final Settle settle;

    RecommendScenario(BenchHttp http, OpenLoop openLoop, Saturation saturation, Settle settle) {
        this.http = http;
        this.openLoop = openLoop;
        this.saturation = saturation;
        this.settle = settle;
    }

    /**
     * @param jitWarmup an unmeasured closed-loop run over every catalog first (16 in flight): the first
     *                  measured run otherwise paid for the JIT compiling the recommend path (the 60-offer
     *                  tenant at 500/s queued to a p50 of 7.5 s while the 200-offer one, measured later,
     *                  answered at 106 ms)
     */
    List<Row> run(List<BenchTenants.Tenant> tenants, List<Integer> rates, Duration jitWarmup, Duration warmup, Duration measured) {
        List<Row> rows = new ArrayList<>();
        if (!jitWarmup.isZero() && !tenants.isEmpty() && !rates.isEmpty()) {
            settle.before("recommend JIT warm-up");
            saturation.run("recommend JIT warm-up", WARMUP_CONCURRENCY, jitWarmup, Duration.ofSeconds(1), i -> {
                BenchTenants.Tenant tenant = tenants.get((int) (i % tenants.size()));
                return http.post("/api/v1/recommend", tenant.headers(), body(i / tenants.size()));
            });
        }
        for (BenchTenants.Tenant tenant : tenants) {
            for (int rate : rates) {
                settle.before("recommend " + tenant.offers() + " offers at " + rate + "/s");
                LoadResult result = openLoop.run("recommend " + tenant.offers() + " offers at " + rate + "/s", rate, warmup,
                        measured, i -> http.post("/api/v1/recommend", tenant.headers(), body(i)));
                rows.add(new Row(tenant, rate, result));
                System.out.printf("bench: recommend %d offers at %d/s: p50 %s p99 %s p99.9 %s ms, failures %s%n", tenant.offers(),
                        rate, result.millis(50), result.millis(99), result.millis(99.9), result.failureSummary());
            }
        }
        return rows;
    }

    private static String body(long i) {
        return String.format("{\"customerId\":\"SBX-%06d\",\"limit\":3}", 1 + i % CUSTOMERS);
    }
}
