package io.nextbest.standalone.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test against the one {@link RunningStandalone} of the test run; declare a
 * {@code RunningStandalone} parameter (constructor or method) to get it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunningStandaloneExtension.class)
public @interface EndToEndTest {
}
