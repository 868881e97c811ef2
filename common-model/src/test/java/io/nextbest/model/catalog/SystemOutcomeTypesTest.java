package io.nextbest.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.catalog.entity.SystemOutcomeTypes;
import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import org.junit.jupiter.api.Test;

class SystemOutcomeTypesTest {

    @Test
    void theTenDefaultsOfTheDecisioningApiPlusAcceptAndConvert() {
        assertThat(SystemOutcomeTypes.all().keySet()).containsExactly("impression", "click", "conversion", "not_interested",
                "opt_out", "defer", "dismiss", "share", "save", "complaint", "accept", "convert");
        assertThat(SystemOutcomeTypes.all().values()).allMatch(type -> type.system());
    }

    @Test
    void classificationsAndCategoriesFollowTheReferenceTable() {
        assertThat(SystemOutcomeTypes.find("impression")).get()
                .satisfies(t -> assertThat(t.category()).isEqualTo(OutcomeCategory.IMPRESSION))
                .satisfies(t -> assertThat(t.classification()).isEqualTo(Classification.NEUTRAL));
        assertThat(SystemOutcomeTypes.find("dismiss").orElseThrow().classification()).isEqualTo(Classification.NEGATIVE);
        assertThat(SystemOutcomeTypes.find("convert").orElseThrow().classification()).isEqualTo(Classification.POSITIVE);
        assertThat(SystemOutcomeTypes.find("defer").orElseThrow().classification()).isEqualTo(Classification.NEUTRAL);
        assertThat(SystemOutcomeTypes.find("teleport")).isEmpty();
    }
}
