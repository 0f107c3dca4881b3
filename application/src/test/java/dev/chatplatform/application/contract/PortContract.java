package dev.chatplatform.application.contract;

import dev.chatplatform.application.mothers.Apps;
import dev.chatplatform.domain.app.AppId;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of the out-port contracts. Every test works in applications of its own, with random ids, so a
 * contract can run against a service other test runs share; {@link #appsUsed()} lets an adapter's test
 * clean up after itself.
 */
public abstract class PortContract {

    private final List<AppId> appsUsed = new ArrayList<>();

    protected final AppId newApp() {
        AppId app = Apps.aRandomAppId();
        appsUsed.add(app);
        return app;
    }

    protected final List<AppId> appsUsed() {
        return List.copyOf(appsUsed);
    }
}
