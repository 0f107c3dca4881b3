package dev.chatplatform.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every system test the one {@link Platform} of this JVM. It lives in the root store, so it is
 * started by the first test that asks and closed (processes stopped, resources dropped) after the last.
 * A platform that failed to start fails every later test at once instead of retrying for minutes.
 */
final class PlatformExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Platform.class);
    private static volatile RuntimeException startFailure;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Platform.class, key -> start(), Platform.class);
    }

    private static synchronized Platform start() {
        if (startFailure != null) {
            throw new IllegalStateException("the platform failed to start earlier in this run", startFailure);
        }
        try {
            return Platform.start();
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }
}
