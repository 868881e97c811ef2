package io.nextbest.ingest;

import io.nextbest.testsupport.KafkaIntegrationTest;
import io.nextbest.testsupport.ServiceProbes;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@KafkaIntegrationTest
class IngestServiceIT {

    @Autowired
    WebTestClient web;

    @Test
    void becomesReadyOnceItsReadModelsAreRestoredAndExportsMetrics() throws Exception {
        ServiceProbes.assertServesProbesMetricsAndTopics(web, "ingest-service", Set.of("ingest-read-models"),
                Set.of("tracker-events", "outcomes", "credit-ledger", "catalog.api-keys", "catalog.trackers"));
    }
}
