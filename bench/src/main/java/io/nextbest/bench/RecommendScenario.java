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

    record Row(BenchTenants.Tenant tenant, int rate, LoadResult result) {
    }

    private final BenchHttp http;
    private final OpenLoop openLoop;
    private final Settle settle;

    RecommendScenario(BenchHttp http, OpenLoop openLoop, Settle settle) {
        this.http = http;
        this.openLoop = openLoop;
        this.settle = settle;
    }

    List<Row> run(List<BenchTenants.Tenant> tenants, List<Integer> rates, Duration warmup, Duration measured) {
        List<Row> rows = new ArrayList<>();
        for (BenchTenants.Tenant tenant : tenants) {
            for (int rate : rates) {
                settle.before("recommend " + tenant.offers() + " offers at " + rate + "/s");
                LoadResult result = openLoop.run("recommend " + tenant.offers() + " offers at " + rate + "/s", rate, warmup,
                        measured, i -> http.post("/api/v1/recommend", tenant.headers(),
                                String.format("{\"customerId\":\"SBX-%06d\",\"limit\":3}", 1 + i % CUSTOMERS)));
                rows.add(new Row(tenant, rate, result));
                System.out.printf("bench: recommend %d offers at %d/s: p50 %s p99 %s p99.9 %s ms, failures %s%n", tenant.offers(),
                        rate, result.millis(50), result.millis(99), result.millis(99.9), result.failureSummary());
            }
        }
        return rows;
    }
}
