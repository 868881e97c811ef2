package io.nextbest.ingest.respond;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.ingest.system.IngestProperties;
import io.nextbest.support.http.DecisioningApiErrors;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Respond's error mapping: the decisioning API's, telling clients to retry with the same idempotency key. */
@RestControllerAdvice(assignableTypes = RespondController.class)
class RespondErrors extends DecisioningApiErrors {

    RespondErrors(MeterRegistry meters, IngestProperties settings) {
        super(meters, new Settings("respond", "nextbest.ingest.respond.rejected", settings.broker().retryAfter(),
                "Service temporarily unavailable; retry with the same idempotency key",
                "Internal error; retry with the same idempotency key"));
    }
}
