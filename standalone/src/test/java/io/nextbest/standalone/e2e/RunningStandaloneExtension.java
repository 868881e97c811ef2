package io.nextbest.standalone.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts standalone once for the whole test run and closes it when the run ends: the instance
 * lives in the root context's store, which JUnit closes last. One start (≈ 20–40 s on the 2-core
 * build machine) instead of one per test class keeps {@code ./mvnw verify} short.
 */
final class RunningStandaloneExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningStandaloneExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStandalone.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningStandalone.class, type -> start(), RunningStandalone.class);
    }

    private static RunningStandalone start() {
        try {
            return new RunningStandalone();
        } catch (Exception e) {
            throw new IllegalStateException("standalone did not start", e);
        }
    }
}
