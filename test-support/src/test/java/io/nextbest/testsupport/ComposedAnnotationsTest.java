package io.nextbest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.ContextConfiguration;

/** Checks what Spring's test bootstrap will see through the composed annotations, without booting a server. */
class ComposedAnnotationsTest {

    @KafkaIntegrationTest(properties = "feature.flag=on")
    static class KafkaTestCase {
    }

    @PlatformIntegrationTest(properties = {"a=1", "b=2"})
    static class PlatformTestCase {
    }

    @Test
    void kafkaIntegrationTestForwardsPropertiesAndInitializer() {
        MergedAnnotations annotations = MergedAnnotations.from(KafkaTestCase.class, SearchStrategy.TYPE_HIERARCHY);

        SpringBootTest bootTest = annotations.get(SpringBootTest.class).synthesize();
        assertThat(bootTest.properties()).containsExactly("feature.flag=on");
        assertThat(bootTest.webEnvironment()).isEqualTo(WebEnvironment.RANDOM_PORT);
        assertThat(annotations.get(ContextConfiguration.class).synthesize().initializers())
                .containsExactly(EmbeddedKafkaInitializer.class);
    }

    @Test
    void platformIntegrationTestAddsPostgresInitializer() {
        MergedAnnotations annotations = MergedAnnotations.from(PlatformTestCase.class, SearchStrategy.TYPE_HIERARCHY);

        assertThat(annotations.get(SpringBootTest.class).synthesize().properties()).containsExactly("a=1", "b=2");
        assertThat(annotations.get(ContextConfiguration.class).synthesize().initializers())
                .containsExactly(EmbeddedKafkaInitializer.class, EmbeddedPostgresInitializer.class);
    }
}
