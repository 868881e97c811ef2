package io.nextbest.decision.prediction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One recommended item as the personalization API returns it: {@code item_id} (a parent or a
 * variant, by the model's training target), {@code parent_id}, {@code score}, and {@code title}
 * only when the request asked for {@code return_full_items_data}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PredictedItem(@JsonProperty("item_id") String itemId, @JsonProperty("parent_id") String parentId, double score, String title) {
}
