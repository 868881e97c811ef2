package io.nextbest.decision.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.scoring.EvidenceSource;
import io.nextbest.decision.scoring.OfferEvidence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestEvidenceTest {

    /** Answers (lookups so far, 1) and records every lookup it serves. */
    private static final class CountingSource implements EvidenceSource {
        final List<String> lookups = new ArrayList<>();

        @Override
        public OfferEvidence offer(String offerId) {
            lookups.add("offer:" + offerId);
            return new OfferEvidence(lookups.size(), 1);
        }

        @Override
        public OfferEvidence category(String categoryId) {
            lookups.add("category:" + categoryId);
            return new OfferEvidence(lookups.size(), 1);
        }

        @Override
        public OfferEvidence global() {
            lookups.add("global");
            return new OfferEvidence(lookups.size(), 1);
        }
    }

    @Test
    void sharedLevelsAreLookedUpOncePerRequestAndOffersEveryTime() {
        CountingSource source = new CountingSource();
        RequestEvidence evidence = new RequestEvidence(source);

        OfferEvidence global = evidence.global();
        OfferEvidence drinks = evidence.category("drinks");
        evidence.offer("latte");
        evidence.offer("latte");

        assertThat(evidence.global()).isSameAs(global);
        assertThat(evidence.category("drinks")).isSameAs(drinks);
        assertThat(evidence.category("food")).isNotEqualTo(drinks);
        assertThat(source.lookups).containsExactly("global", "category:drinks", "offer:latte", "offer:latte", "category:food");
    }
}
