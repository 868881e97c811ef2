package io.nextbest.decision.recommend;

import io.nextbest.model.json.Json;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Decodes the recommend body into {@link RecommendRequest} and runs {@link RecommendValidation}:
 * malformed JSON, a field of the wrong type (the message names it, e.g. {@code limit}) and every
 * validation problem are 422, the seed's "validation error (bad request body)".
 */
final class RecommendBody {

    private RecommendBody() {
    }

    static RecommendRequest decode(byte[] body) {
        RecommendRequest request = body.length == 0 ? null : read(body);
        RecommendValidation.problem(request).ifPresent(problem -> {
            throw RecommendRejection.invalid(problem);
        });
        return request;
    }

    private static RecommendRequest read(byte[] body) {
        try {
            return Json.mapper().readValue(body, RecommendRequest.class);
        } catch (DatabindException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw RecommendRejection.invalid(field.isEmpty() ? "Request body must be a JSON object" : field + " has an invalid type or value");
        } catch (JacksonException e) {
            throw RecommendRejection.invalid("Request body is not valid JSON");
        }
    }
}
