package io.nextbest.decision.candidate;

/**
 * Why a candidate left the funnel: the stage that removed it and a human-readable reason, e.g.
 * {@code qualification / Missing required segments: high_value}. Every stage reports each
 * removal as one of these, so a decision record explains every offer it did not return.
 */
public record Drop(String offerId, String stage, String reason) {

    public static final String CANDIDATES = "candidates";
    public static final String QUALIFICATION = "qualification";
    public static final String CONTACT_POLICY = "contact_policy";
    public static final String SCORING = "scoring";
    public static final String RANKING = "ranking";
}
