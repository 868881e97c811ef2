package io.nextbest.decision.prediction;

/** An item id with the score a model gave it, before catalog resolution. */
record ScoredItem(String itemId, double score) {
}
