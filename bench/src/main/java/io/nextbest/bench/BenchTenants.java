package io.nextbest.bench;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sets the platform up for a run, only through the public admin API: credit for the collector
 * run, and tenants of its own (the coffee-chain sample data, grown to the wanted number of offers
 * by cloning the sample offers with their creatives, plus a {@code propensity} flow for the
 * feedback-loop measurement). Waits until decision-service's read model holds every offer.
 */
final class BenchTenants {

    /** A tenant the load generator may call: its id, an admin key, and its number of offers. */
    record Tenant(String id, String apiKey, int offers) {
        Consumer<HttpHeaders> headers() {
            return h -> h.set("X-Tenant-Id", id).set("X-API-Key", apiKey);
        }
    }

    static final String FEEDBACK_FLOW = "bench-propensity";
    private static final Duration CALL = Duration.ofMinutes(6);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchHttp http;
    private final String operatorKey;

    BenchTenants(BenchHttp http, String operatorKey) {
        this.http = http;
        this.operatorKey = operatorKey;
    }

    void topUp(Tenant tenant, long amount) {
        expect(201, http.postPatiently("/admin/v1/credit/top-ups", tenant.headers(),
                "{\"amount\":" + amount + ",\"reference\":\"bench\"}").block(CALL), "credit top-up");
    }

    /** A fresh tenant with the sample data and {@code offers} offers (at least the sample's 60). */
    Tenant create(String id, int offers) {
        Consumer<HttpHeaders> operator = h -> h.set("X-Tenant-Id", id).set("X-API-Key", operatorKey);
        expect(201, http.postPatiently("/admin/v1/tenants", operator,
                "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"status\":\"active\"}").block(CALL), "create tenant " + id);
        BenchHttp.Response key = http.postPatiently("/admin/v1/api-keys", operator,
                "{\"name\":\"bench\",\"kind\":\"admin\",\"scopes\":[]}").block(CALL);
        expect(201, key, "api key for " + id);
        Tenant tenant = new Tenant(id, JSON.readTree(key.body()).get("key").asString(), offers);
        expect(200, http.postPatiently("/admin/v1/sample-data", tenant.headers(), "").block(CALL), "sample data for " + id);
        growOffers(tenant);
        return tenant;
    }

    /** Clones sample offer {@code i mod 60} and its creatives until the tenant has {@code offers}. */
    private void growOffers(Tenant tenant) {
        List<JsonNode> templates = list(tenant, "offers");
        List<JsonNode> creatives = list(tenant, "creatives");
        List<String[]> posts = new ArrayList<>();
        for (int i = templates.size(); i < tenant.offers(); i++) {
            JsonNode template = templates.get(i % templates.size());
            String offerId = String.format("bench-offer-%04d", i + 1);
            ObjectNode offer = ((ObjectNode) template.deepCopy()).put("id", offerId)
                    .put("name", template.get("name").asString() + " #" + (i + 1));
            posts.add(new String[] {"offers", offer.toString()});
            for (JsonNode c : creatives) {
                if (c.get("offerId").asString().equals(template.get("id").asString())) {
                    ObjectNode creative = ((ObjectNode) c.deepCopy()).put("offerId", offerId)
                            .put("id", offerId + "-" + c.get("channelId").asString());
                    posts.add(new String[] {"creatives", creative.toString()});
                }
            }
        }
        // Every offer exists before the first creative naming it is written.
        postAll(tenant, posts.stream().filter(p -> p[0].equals("offers")).toList());
        postAll(tenant, posts.stream().filter(p -> p[0].equals("creatives")).toList());
    }

    private void postAll(Tenant tenant, List<String[]> posts) {
        Flux.fromIterable(posts)
                .flatMap(p -> http.postPatiently("/admin/v1/" + p[0], tenant.headers(), p[1])
                        .doOnNext(r -> expect(201, r, "create " + p[0])), 8)
                .blockLast(Duration.ofMinutes(10));
    }

    private List<JsonNode> list(Tenant tenant, String entity) {
        List<JsonNode> items = new ArrayList<>();
        String after = null;
        do {
            BenchHttp.Response page = http.get("/admin/v1/" + entity + "?limit=500" + (after == null ? "" : "&after=" + after),
                    tenant.headers()).block(CALL);
            expect(200, page, "list " + entity);
            JsonNode body = JSON.readTree(page.body());
            body.get("items").forEach(items::add);
            after = body.hasNonNull("nextCursor") ? body.get("nextCursor").asString() : null;
        } while (after != null);
        return items;
    }

    /** A flow ranking by learned propensity only, so one click visibly moves the offer's evidence. */
    void addFeedbackFlow(Tenant tenant) {
        expect(201, http.postPatiently("/admin/v1/decision-flows", tenant.headers(), "{\"id\":\"" + FEEDBACK_FLOW + "\",\"key\":\""
                + FEEDBACK_FLOW + "\",\"name\":\"bench propensity\",\"status\":\"active\",\"isDefault\":false,"
                + "\"stages\":[\"scoring\",\"ranking\"],\"scoring\":{\"method\":\"propensity\",\"smoothingWeight\":10.0},"
                + "\"limit\":10}").block(CALL), "feedback flow");
    }

    /** Polls recommend with {@code debug} until its trace lists every offer (the read model caught up). */
    void awaitCatalog(Tenant tenant, String flowKey) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String body = "{\"customerId\":\"SBX-000100\",\"limit\":1,\"debug\":true"
                + (flowKey == null ? "" : ",\"decisionFlowKey\":\"" + flowKey + "\"") + "}";
        while (System.nanoTime() < deadline) {
            BenchHttp.Response r = http.post("/api/v1/recommend", tenant.headers(), body).block(CALL);
            if (r.ok()) {
                JsonNode trace = JSON.readTree(r.body()).path("meta").path("trace");
                if (trace.isArray() && trace.size() >= tenant.offers()) {
                    return;
                }
            }
            sleep(200);
        }
        throw new IllegalStateException("tenant " + tenant.id() + " never showed " + tenant.offers() + " offers to recommend");
    }

    static void expect(int status, BenchHttp.Response r, String what) {
        if (r == null || r.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got "
                    + (r == null ? "nothing" : r.status() + " " + r.body()));
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
