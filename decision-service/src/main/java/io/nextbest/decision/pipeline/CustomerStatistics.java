package io.nextbest.decision.pipeline;

import io.nextbest.decision.contact.ContactHistory;
import io.nextbest.decision.contact.VolumeCounts;
import io.nextbest.decision.scoring.EvidenceSource;

/**
 * The learned state a decision reads: the customer's contact history, the offer evidence at
 * offer/category/global level and the volume-cap counts. Adapters over the feedback-service
 * stores build it; {@link #NONE} is a brand-new tenant and customer.
 */
public record CustomerStatistics(ContactHistory history, EvidenceSource evidence, VolumeCounts volumeCounts) {

    public static final CustomerStatistics NONE =
            new CustomerStatistics(ContactHistory.EMPTY, EvidenceSource.NONE, VolumeCounts.NONE);
}
