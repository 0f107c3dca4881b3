package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.CountStore;

import java.util.ArrayList;
import java.util.List;

/** A number of changed scopes waiting for the reconciler; every call takes what it may. */
public final class FakeCountStore implements CountStore {

    private long changedScopes;
    private final List<Integer> calls = new ArrayList<>();

    public FakeCountStore(long changedScopes) {
        this.changedScopes = changedScopes;
    }

    @Override
    public synchronized int reconcileChanged(int maxScopes) {
        calls.add(maxScopes);
        int done = (int) Math.min(maxScopes, changedScopes);
        changedScopes -= done;
        return done;
    }

    public synchronized long changedScopes() {
        return changedScopes;
    }

    /** The maxScopes of each call, in order. */
    public synchronized List<Integer> calls() {
        return List.copyOf(calls);
    }
}
