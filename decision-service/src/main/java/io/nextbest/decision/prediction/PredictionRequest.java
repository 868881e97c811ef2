package io.nextbest.decision.prediction;

import java.util.List;

/**
 * A decoded prediction request, for either endpoint. {@code modelId} is set for model
 * predictions ({@code kainic_mid}), {@code experimentId} for experiment predictions
 * ({@code kainic_exp_id}). {@code type} is null when the request named none.
 */
record PredictionRequest(
        String project,
        String modelId,
        String experimentId,
        String platform,
        String anonUid,
        String uid,
        String sid,
        List<String> items,
        ModelType type,
        int count,
        boolean fullItemsData) {

    PredictionRequest {
        items = List.copyOf(items);
    }

    /** Whose history personalizes: the logged-in id when given, else the anonymous one (feedback keys users the same way). */
    String userId() {
        return uid != null ? uid : anonUid;
    }
}
