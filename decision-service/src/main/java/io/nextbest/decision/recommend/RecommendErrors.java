package io.nextbest.decision.recommend;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.decision.system.DecisionProperties;
import io.nextbest.support.http.DecisioningApiErrors;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Recommend's error mapping: the decisioning API's. */
@RestControllerAdvice(assignableTypes = RecommendController.class)
class RecommendErrors extends DecisioningApiErrors {

    RecommendErrors(MeterRegistry meters, DecisionProperties settings) {
        super(meters, new Settings("recommend", "nextbest.decision.recommend.rejected", settings.broker().retryAfter(),
                "Service temporarily unavailable; retry later", "Internal error"));
    }
}
