package io.nextbest.decision;

import io.nextbest.testsupport.KafkaIntegrationTest;
import io.nextbest.testsupport.ServiceProbes;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@KafkaIntegrationTest
class DecisionServiceIT {

    @Autowired
    WebTestClient web;

    @Test
    void becomesReadyOnceItsReadModelsAreRestoredAndExportsMetrics() throws Exception {
        ServiceProbes.assertServesProbesMetricsAndTopics(web, "decision-service", Set.of("decision-read-models"),
                Set.of("decisions", "decision-traces", "catalog.offers", "catalog.decision-flows", "catalog.experiments"));
    }
}
