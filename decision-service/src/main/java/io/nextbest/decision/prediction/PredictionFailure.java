package io.nextbest.decision.prediction;

import io.nextbest.support.publish.ServiceUnavailableException;
import io.nextbest.support.query.StoreNotReadyException;

/**
 * A prediction that failed for a reason other than the request: the reference's general failure
 * {@code Prediction request failed from project $KAINIC_PID: $ERROR}, where {@code $ERROR} is one
 * of our fixed texts and never the exception's own (it is logged instead). A read model still
 * loading is the 503 variant, anything else the 500.
 */
class PredictionFailure extends RuntimeException {

    private final boolean unavailable;

    PredictionFailure(String project, Throwable cause) {
        super(message(project, isUnavailable(cause)), cause);
        this.unavailable = isUnavailable(cause);
    }

    boolean unavailable() {
        return unavailable;
    }

    static String message(String project, boolean unavailable) {
        return "Prediction request failed from project " + project + ": "
                + (unavailable ? "service temporarily unavailable, retry later" : "internal error");
    }

    private static boolean isUnavailable(Throwable cause) {
        return cause instanceof StoreNotReadyException || cause instanceof ServiceUnavailableException;
    }
}
