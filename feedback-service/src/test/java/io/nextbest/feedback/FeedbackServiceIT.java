package io.nextbest.feedback;

import io.nextbest.testsupport.KafkaIntegrationTest;
import io.nextbest.testsupport.ServiceProbes;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@KafkaIntegrationTest
class FeedbackServiceIT {

    @Autowired
    WebTestClient web;

    @Test
    void becomesReadyOnceItsTopologyRunsAndExportsMetrics() throws Exception {
        ServiceProbes.assertServesProbesMetricsAndTopics(web, "feedback-service", Set.of("feedback"),
                Set.of("credit-ledger", "credit-balances", "offer-stats", "customer-contacts", "experiment-stats",
                        "item-stats", "item-cooccurrence", "user-recent-items", "feedback.dlq"));
    }
}
