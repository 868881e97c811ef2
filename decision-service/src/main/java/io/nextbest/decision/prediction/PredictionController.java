package io.nextbest.decision.prediction;

import io.nextbest.model.error.StatusEnvelope;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.support.auth.ApiKeyAuthenticator;
import io.nextbest.support.auth.AuthenticatedKey;
import io.nextbest.support.auth.RateLimitedException;
import io.nextbest.support.auth.RateLimits;
import io.nextbest.support.auth.UnauthorizedException;
import io.nextbest.support.http.BoundedBody;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ObjectNode;

/**
 * The personalization API's predictions, {@code POST /predictor/get_model_prediction} and
 * {@code POST /predictor/get_experiment_prediction}, key in {@code ?api_key=}: the project is
 * named in the body ({@code kainic_pid}), so the body is read (bounded) and its project taken
 * before the key is checked against it; then rate limit, validation and the prediction from
 * the read models (local, except a user's recent items, which may come from the owning instance).
 * Answers in the {@code {"status","data"|"message"}} envelope.
 */
@RestController
class PredictionController {

    private final ApiKeyAuthenticator authenticator;
    private final RateLimits rateLimits;
    private final Predictor predictor;
    private final PredictionBody body;
    private final PredictionProperties settings;
    private final PredictionMetrics metrics;

    PredictionController(@Qualifier("decisionApiKeyAuthenticator") ApiKeyAuthenticator authenticator,
                         @Qualifier("decisionRateLimits") RateLimits rateLimits, Predictor predictor,
                         PredictionProperties settings, PredictionMetrics metrics) {
        this.authenticator = authenticator;
        this.rateLimits = rateLimits;
        this.predictor = predictor;
        this.body = new PredictionBody(settings);
        this.settings = settings;
        this.metrics = metrics;
    }

    @PostMapping("/predictor/get_model_prediction")
    Mono<ResponseEntity<StatusEnvelope<PredictionData>>> model(@RequestParam(name = "api_key", required = false) String apiKey,
                                                                ServerHttpRequest request) {
        return serve(PredictionBody.Endpoint.MODEL, ApiKeyAuthenticator.PUBLIC_API_KINDS, apiKey, request, predictor::model);
    }

    /** Takes an Experiment API key (kind {@code experiment}) or an admin key; {@code api} keys are refused. */
    @PostMapping("/predictor/get_experiment_prediction")
    Mono<ResponseEntity<StatusEnvelope<PredictionData>>> experiment(@RequestParam(name = "api_key", required = false) String apiKey,
                                                                     ServerHttpRequest request) {
        return serve(PredictionBody.Endpoint.EXPERIMENT, ApiKeyAuthenticator.EXPERIMENT_API_KINDS, apiKey, request, predictor::experiment);
    }

    private Mono<ResponseEntity<StatusEnvelope<PredictionData>>> serve(
            PredictionBody.Endpoint endpoint, Set<String> keyKinds, String apiKey, ServerHttpRequest request,
            BiFunction<TenantId, PredictionRequest, Mono<Predictor.Prediction>> predict) {
        var sample = metrics.start();
        if (apiKey == null || apiKey.isBlank()) {
            // Refused before the body is read: without a key nothing about it matters.
            return Mono.<ResponseEntity<StatusEnvelope<PredictionData>>>error(new UnauthorizedException("Missing API key"))
                    .doFinally(signal -> metrics.stop(sample, endpoint));
        }
        return BoundedBody.read(request, settings.maxBodyBytes())
                .publishOn(Schedulers.boundedElastic())
                .flatMap(bytes -> {
                    ObjectNode tree = PredictionBody.tree(bytes);
                    String project = PredictionBody.project(tree);
                    // defer: what is thrown before the recent-items lookup becomes an error signal, mapped like the lookup's.
                    return Mono.defer(() -> {
                                AuthenticatedKey key = authenticator.authenticate(project, apiKey, keyKinds);
                                RateLimits.Remaining budget = rateLimits.consume(key);
                                return predict.apply(key.tenant(), body.decode(tree, endpoint)).map(prediction -> {
                                    metrics.served(endpoint, prediction.strategy());
                                    return ResponseEntity.ok()
                                            .header("X-RateLimit-Limit", Long.toString(budget.limit()))
                                            .header("X-RateLimit-Remaining", Long.toString(budget.remaining()))
                                            .body(StatusEnvelope.success(prediction.data()));
                                });
                            })
                            .onErrorMap(e -> e instanceof RuntimeException
                                            && !(e instanceof PredictionRejection || e instanceof UnauthorizedException
                                                 || e instanceof RateLimitedException),
                                    e -> new PredictionFailure(project, e));
                })
                .doFinally(signal -> metrics.stop(sample, endpoint));
    }
}
