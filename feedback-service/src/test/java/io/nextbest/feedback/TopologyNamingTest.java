package io.nextbest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class TopologyNamingTest {

    @Test
    void everyProcessorStoreAndTopicIsNamed() {
        StreamsBuilder builder = new StreamsBuilder();
        new FeedbackTopology(FeedbackFixtures.settings()).buildTopology(builder);

        TopologyDescription description = builder.build().describe();

        assertThat(description.toString()).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description.subtopologies()).isNotEmpty();
    }
}
