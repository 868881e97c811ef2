package io.nextbest.standalone.e2e;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The personalization seed's flow against standalone with the sample data: a tracker sends a batch
 * of events to the collector ({@code api_key} in the query, the project and tracker in the path,
 * a JSON array of events), answered with the seed's envelope {@code {"status": "success", "data"}}.
 */
@EndToEndTest
class PersonalizationSeedFlowIT {

    private static final String SESSION = "e2e-session-1";
    private static final String VISITOR = "e2e-anon-1";

    private final WebTestClient web;

    PersonalizationSeedFlowIT(RunningStandalone standalone) {
        this.web = standalone.web();
    }

    @Test
    void collectAViewFromTheDemoWebTracker() {
        collect(List.of(Map.of("platform", "web", "anon_uid", VISITOR, "sid", SESSION, "event_type", "view_item",
                "event_id", "e2e-view-1", "items", List.of(Map.of("item_id", "sku-0001")))))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("success")
                .jsonPath("$.data.accepted").isEqualTo(1)
                .jsonPath("$.data.event_ids[0]").isEqualTo("e2e-view-1");
    }

    @Test
    void anEventWithoutPlatformIsRefusedWithTheSeedsMessage() {
        collect(List.of(Map.of("anon_uid", VISITOR, "event_type", "view_item")))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.status").isEqualTo("fail")
                .jsonPath("$.message").isEqualTo("One or more required fields are missing!");
    }

    private WebTestClient.ResponseSpec collect(List<Map<String, Object>> events) {
        // A web tracker's page on an allowed domain of the demo tracker (localhost).
        return web.post().uri("/collector/collect/custom/{pid}/{tid}?api_key={key}", RunningStandalone.TENANT, RunningStandalone.TRACKER,
                        RunningStandalone.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).header("Origin", "http://localhost")
                .bodyValue(events)
                .exchange();
    }
}
