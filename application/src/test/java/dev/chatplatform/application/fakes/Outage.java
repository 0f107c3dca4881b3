package dev.chatplatform.application.fakes;

import dev.chatplatform.application.DependencyUnavailableException;

/** A switch that makes a fake behave like its service is down, as the real adapters report it. */
public final class Outage {

    private final String dependency;
    private volatile boolean down;

    public Outage(String dependency) {
        this.dependency = dependency;
    }

    public void start() {
        down = true;
    }

    public void end() {
        down = false;
    }

    void check() {
        if (down) {
            throw new DependencyUnavailableException(dependency, new IllegalStateException(dependency + " is down (fake)"));
        }
    }
}
