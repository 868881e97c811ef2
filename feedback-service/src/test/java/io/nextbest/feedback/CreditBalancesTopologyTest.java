package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.COFFEE;
import static io.nextbest.feedback.FeedbackFixtures.T0;
import static io.nextbest.feedback.FeedbackFixtures.TEA;
import static io.nextbest.feedback.FeedbackFixtures.charge;
import static io.nextbest.feedback.FeedbackFixtures.topUp;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.topic.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CreditBalancesTopologyTest {

    private final FeedbackDriver feedback = new FeedbackDriver(COFFEE, TEA);

    @AfterEach
    void close() {
        feedback.close();
    }

    @Test
    void topUpsAndChargesFoldIntoOneBalancePerProject() {
        feedback.pipe(topUp("t1", COFFEE, 1_000, T0));
        feedback.pipe(topUp("t2", TEA, 50, T0));
        feedback.pipe(charge("c1", COFFEE, 20, T0.plusSeconds(1)));
        feedback.pipe(charge("c2", COFFEE, 5, T0.plusSeconds(2)));

        assertThat(feedback.<Object, CreditBalance>stored(FeedbackTopology.CREDIT_BALANCES_STORE, COFFEE))
                .isEqualTo(new CreditBalance(1_000, 25, T0.plusSeconds(2)));
        assertThat(feedback.<Object, CreditBalance>stored(FeedbackTopology.CREDIT_BALANCES_STORE, TEA).balance()).isEqualTo(50);
        assertThat(feedback.latest(Topics.CREDIT_BALANCES))
                .containsEntry(COFFEE, new CreditBalance(1_000, 25, T0.plusSeconds(2)))
                .containsEntry(TEA, new CreditBalance(50, 0, T0));
    }

    @Test
    void chargesBeyondTheTopUpsGoNegativeRatherThanBeingDropped() {
        feedback.pipe(charge("c1", COFFEE, 3, T0));

        assertThat(feedback.<Object, CreditBalance>stored(FeedbackTopology.CREDIT_BALANCES_STORE, COFFEE).balance()).isEqualTo(-3);
    }

    @Test
    void aChargeArrivingBeforeItsTopUpStillEndsInTheSameBalance() {
        feedback.pipe(charge("c1", COFFEE, 30, T0.plusSeconds(5)));
        feedback.pipe(topUp("t1", COFFEE, 100, T0));

        assertThat(feedback.<Object, CreditBalance>stored(FeedbackTopology.CREDIT_BALANCES_STORE, COFFEE))
                .isEqualTo(new CreditBalance(100, 30, T0));
    }

    @Test
    void aTombstoneOnTheLedgerLeavesTheBalanceUnchanged() {
        feedback.pipe(topUp("t1", COFFEE, 100, T0));
        feedback.ledger.pipeInput(COFFEE, null, T0.plusSeconds(1));

        assertThat(feedback.<Object, CreditBalance>stored(FeedbackTopology.CREDIT_BALANCES_STORE, COFFEE).balance()).isEqualTo(100);
        assertThat(feedback.output(Topics.CREDIT_BALANCES).readValuesToList()).hasSize(1);
    }
}
