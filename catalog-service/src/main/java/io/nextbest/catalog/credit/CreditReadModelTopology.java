package io.nextbest.catalog.credit;

import io.nextbest.model.topic.Topics;
import io.nextbest.support.streams.ReadModels;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * catalog-service's Streams app: a replicated read model of {@code credit-balances} (folded by
 * feedback-service from {@code credit-ledger}), so a product upload checks credit locally.
 */
final class CreditReadModelTopology {

    static final String APP_NAME = "catalog-credit";
    static final String CREDIT_BALANCES_STORE = "catalog-credit-balances";

    void buildTopology(StreamsBuilder builder) {
        ReadModels.globalStore(builder, Topics.CREDIT_BALANCES, CREDIT_BALANCES_STORE);
    }
}
