package io.nextbest.bench;

import java.time.Duration;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Respond → ranking latency: for one offer a customer was just shown, respond {@code click} and
 * then poll recommend until that offer's {@code scoreExplanation} counts the click (its
 * propensity source is the offer's own evidence and the evidence grew). The time is from the
 * respond's 201 arriving to the first recommend answer that shows it, so it includes up to one
 * poll interval ({@link #POLL}) and one recommend round trip. Trials run one after another.
 *
 * <p>Every recommend asks for the sample data's {@code web} channel ({@link #CHANNEL}), whose
 * {@code impressionMode} is {@code explicit}: recommend then writes only its decision record and
 * no implicit impressions. On an {@code implicit} channel each poll would add one impression per
 * shown offer (each folded into five offer-stats scopes), and the polling itself would build the
 * backlog the click has to wait behind.
 */
final class FeedbackLoopScenario {

    /** Modest on purpose: each poll is one decision record the feedback topology folds too. */
    static final Duration POLL = Duration.ofMillis(25);
    /** The sample data's explicit-impression channel (CoffeeChainDataset); every sample offer has a creative on it. */
    static final String CHANNEL = "web";
    /** The propensity flow's own limit; enough shown offers to pick a target from. */
    static final int LIMIT = 10;
    static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(Histogram latencyMicros, int trials, int timedOut) {
        String millis(double percentile) {
            return latencyMicros.getTotalCount() == 0 ? "–"
                    : String.format("%.0f", latencyMicros.getValueAtPercentile(percentile) / 1000.0);
        }
    }

    private final BenchHttp http;
    private final BenchTenants.Tenant tenant;

    FeedbackLoopScenario(BenchHttp http, BenchTenants.Tenant tenant) {
        this.http = http;
        this.tenant = tenant;
    }

    Result run(int trials) {
        Histogram histogram = new Histogram(3);
        int timedOut = 0;
        for (int t = 0; t < trials; t++) {
            String customer = String.format("SBX-%06d", 1 + t % RecommendScenario.CUSTOMERS);
            JsonNode decisions = recommend(customer);
            JsonNode target = decisions.get(t % Math.min(LIMIT, decisions.size()));
            String offerId = target.get("offerId").asString();
            long before = offerEvidence(target);
            BenchHttp.Response respond = http.post("/api/v1/respond", tenant.headers(), "{\"customerId\":\"" + customer
                    + "\",\"creativeId\":\"" + target.get("creativeId").asString() + "\",\"outcome\":\"click\",\"idempotencyKey\":\"bench-"
                    + UUID.randomUUID() + "\"}").block(GIVE_UP);
            BenchTenants.expect(201, respond, "respond click");
            long recorded = System.nanoTime();
            long seen = awaitEvidence(customer, offerId, before, recorded + GIVE_UP.toNanos());
            if (seen < 0) {
                timedOut++;
            } else {
                histogram.recordValue(Math.max(1, (seen - recorded) / 1000));
            }
        }
        return new Result(histogram, trials, timedOut);
    }

    private long awaitEvidence(String customer, String offerId, long before, long deadline) {
        while (System.nanoTime() < deadline) {
            for (JsonNode d : recommend(customer)) {
                if (d.get("offerId").asString().equals(offerId) && offerEvidence(d) > before) {
                    return System.nanoTime();
                }
            }
            BenchTenants.sleep(POLL.toMillis());
        }
        return -1;
    }

    /** The offer's own outcome count as scoring saw it; 0 while the propensity still came from a prior. */
    private static long offerEvidence(JsonNode decision) {
        JsonNode explanation = decision.path("scoreExplanation");
        return explanation.path("propensitySource").asString("").startsWith("offer") ? explanation.path("evidence").asLong() : 0;
    }

    private JsonNode recommend(String customer) {
        BenchHttp.Response r = http.post("/api/v1/recommend", tenant.headers(), "{\"customerId\":\"" + customer
                + "\",\"limit\":" + LIMIT + ",\"channelId\":\"" + CHANNEL + "\",\"decisionFlowKey\":\"" + BenchTenants.FEEDBACK_FLOW
                + "\"}").block(GIVE_UP);
        BenchTenants.expect(200, r, "recommend");
        return JSON.readTree(r.body()).get("decisions");
    }
}
