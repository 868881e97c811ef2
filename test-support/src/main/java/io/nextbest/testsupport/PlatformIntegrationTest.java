package io.nextbest.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link KafkaIntegrationTest}, and additionally gives the context its own fresh database on
 * the JVM-wide {@link SharedPostgres} server (R2DBC and Flyway both point at it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {EmbeddedKafkaInitializer.class, EmbeddedPostgresInitializer.class})
// 30 s, not the default 5 s: a guard against a hung call, not a latency check — the first call of
// a context (snapshots, JIT) takes seconds on a loaded 2-core build machine.
@AutoConfigureWebTestClient(timeout = "PT30S")
public @interface PlatformIntegrationTest {

    /** Extra {@code key=value} properties, as for {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
