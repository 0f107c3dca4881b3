package dev.chatplatform.application.service;

import dev.chatplatform.application.DependencyUnavailableException;

import java.lang.System.Logger.Level;

/**
 * Work that follows a confirmed publish. The write is durable by then, so the client gets its 201
 * even if this fails: answering 503 would invite a retry, and the retry a duplicate. What is lost is
 * only a convenience (the pending copy for read-your-writes, or a counter opened early), and the
 * worker or the allocator's recovery makes up for it.
 */
final class AfterDurable {

    private static final System.Logger LOG = System.getLogger(AfterDurable.class.getName());

    private AfterDurable() {
    }

    static void bestEffort(String what, Runnable work) {
        try {
            work.run();
        } catch (DependencyUnavailableException e) {
            LOG.log(Level.WARNING, "write is durable, but could not {0}: {1} is unavailable", what, e.dependency());
        }
    }
}
