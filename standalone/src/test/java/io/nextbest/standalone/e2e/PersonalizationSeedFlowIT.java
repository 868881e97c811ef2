package io.nextbest.standalone.e2e;

import static io.nextbest.standalone.e2e.JsonBodies.list;
import static io.nextbest.standalone.e2e.JsonBodies.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The personalization seed's flow against standalone with the sample data: a tracker sends a batch
 * of events to the collector ({@code api_key} in the query, the project and tracker in the path,
 * a JSON array of events), answered with the seed's envelope {@code {"status": "success", "data"}};
 * then the model prediction and the experiment prediction over what feedback learned from them,
 * asserted on the seed's response fields ({@code deployment_job_id}, {@code kainic_mid},
 * {@code uid}, {@code items} of {@code item_id}, {@code parent_id}, {@code score}, {@code title}).
 */
@EndToEndTest
class PersonalizationSeedFlowIT {

    private static final String SESSION = "e2e-session-1";
    private static final String VISITOR = "e2e-anon-1";
    private static final String SHOPPER = "e2e-anon-2";
    /** The demo tenant's personalization experiment: popular 40 %, personalized 40 %, no model 20 %. */
    private static final String EXPERIMENT = "sbx-recs-test";

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

    @Test
    void collectedEventsFeedTheModelAndTheExperimentPredictions() {
        // Given a visitor who put two drinks into the cart together
        collect(List.of(Map.of("platform", "web", "anon_uid", SHOPPER, "sid", "e2e-session-2", "event_type", "add_to_cart",
                "event_id", "e2e-cart-1", "items", List.of(Map.of("item_id", "sku-0101"), Map.of("item_id", "sku-0102")))))
                .expectStatus().isOk();

        // When the similar-items model is asked about one of them (feedback builds the item models
        // asynchronously from the event, so poll until it has)
        Map<String, Object> similar = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> prediction("/predictor/get_model_prediction", Map.of("kainic_pid", RunningStandalone.TENANT,
                        "kainic_mid", "model-similar", "anon_uid", SHOPPER, "items", List.of("sku-0101"), "return_full_items_data", true)),
                        data -> !list(data.get("items")).isEmpty());

        // Then the other one is recommended, in the documented item shape
        assertThat(similar).containsEntry("kainic_mid", "model-similar").containsEntry("deployment_job_id", "job-similar-1")
                .containsEntry("uid", SHOPPER);
        List<Map<String, Object>> items = list(similar.get("items"));
        assertThat(items.get(0)).containsEntry("item_id", "sku-0102");
        assertThat(items).allSatisfy(item -> {
            assertThat(item).containsKeys("item_id", "parent_id", "score", "title");
            assertThat(item.get("score")).isInstanceOf(Number.class);
            assertThat((String) item.get("title")).isNotBlank();
        });
        assertThat(items).extracting(item -> item.get("item_id")).doesNotContain("sku-0101");

        // And the experiment maps each session to a group, the same group on every call
        Map<String, Object> groups = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String session = "e2e-exp-session-" + i;
            Map<String, Object> data = experimentPrediction(session);
            assertThat(data).containsKeys("deployment_job_id", "kainic_mid", "uid", "items").containsEntry("uid", SHOPPER);
            Object model = data.get("kainic_mid");
            if (model == null) {
                assertThat(list(data.get("items"))).as("a group without model answers an empty items array").isEmpty();
            } else {
                assertThat(model).isIn("model-popular", "model-personalized");
            }
            assertThat(experimentPrediction(session).get("kainic_mid")).as("session %s keeps its group", session).isEqualTo(model);
            groups.put(session, model);
        }
        assertThat(new HashSet<>(groups.values())).as("30 sessions reach every group of the 40/40/20 split")
                .containsExactlyInAnyOrder("model-popular", "model-personalized", null);
    }

    private Map<String, Object> experimentPrediction(String session) {
        return prediction("/predictor/get_experiment_prediction", Map.of("kainic_pid", RunningStandalone.TENANT, "kainic_exp_id", EXPERIMENT,
                "platform", "web", "anon_uid", SHOPPER, "sid", session, "items", List.of("sku-0101")));
    }

    /** A prediction call as the seed describes it: {@code api_key} in the query, JSON body, the {@code data} of a success. */
    private Map<String, Object> prediction(String path, Map<String, Object> body) {
        Map<String, Object> answer = web.post().uri(path + "?api_key={key}", RunningStandalone.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody(JsonBodies.OBJECT).returnResult().getResponseBody();
        assertThat(answer).containsEntry("status", "success");
        return map(answer.get("data"));
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
