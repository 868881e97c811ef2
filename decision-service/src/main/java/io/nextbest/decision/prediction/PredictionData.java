package io.nextbest.decision.prediction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a prediction returns inside {@code data}, for both endpoints: the serving model's
 * {@code deployment_job_id} and {@code kainic_mid} (both {@code null}, written out, when an
 * experiment group has no model), {@code uid} (the logged-in id if given, else {@code anon_uid})
 * and the ranked {@code items}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record PredictionData(@JsonProperty("deployment_job_id") String deploymentJobId, @JsonProperty("kainic_mid") String modelId,
                      String uid, List<PredictedItem> items) {

    PredictionData {
        items = List.copyOf(items);
    }
}
