package dev.chatplatform.worker.job;

import dev.chatplatform.application.port.in.ReindexMessagesUseCase;
import dev.chatplatform.domain.app.AppId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rebuilds the search index from MySQL while the platform runs: {@code POST /actuator/reindex} with
 * {@code {"app": "<application id>"}} or {@code {"app": "all"}} starts a run on a thread of its own (one at
 * a time), {@code GET /actuator/reindex} tells how far it got. scripts/reindex.sh drives both. Needed after
 * an upgrade adds fields to the index (the older documents lack them), or to repair an index restored
 * from an older snapshot.
 */
@Component
@Endpoint(id = "reindex")
public class ReindexEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ReindexEndpoint.class);

    private final ReindexMessagesUseCase reindex;
    private Run last;

    public ReindexEndpoint(ReindexMessagesUseCase reindex) {
        this.reindex = reindex;
    }

    @ReadOperation
    public synchronized Map<String, Object> status() {
        return last == null ? Map.of("running", false) : last.describe();
    }

    /** @param app an application's id, or "all" */
    @WriteOperation
    public synchronized Map<String, Object> start(String app) {
        if (last != null && last.finishedAt == null) {
            return last.describe(); // one run at a time: the running one is answered
        }
        AppId only;
        try {
            only = "all".equals(app) ? null : new AppId(Long.parseLong(app));
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException("app: an application id or \"all\"", "app: an application id or \"all\"");
        }
        Run run = new Run(app, Instant.now());
        last = run;
        Thread.ofPlatform().name("chat-reindex").daemon().start(() -> run.execute(only));
        return run.describe();
    }

    private final class Run {
        private final String app;
        private final Instant startedAt;
        private volatile long indexed;
        private volatile Instant finishedAt;
        private volatile String error;

        Run(String app, Instant startedAt) {
            this.app = app;
            this.startedAt = startedAt;
        }

        void execute(AppId only) {
            LOG.info("reindexing the messages of application {}", app);
            try {
                long total = reindex.reindex(only, count -> indexed = count);
                LOG.info("reindexed {} messages of application {} in {}", total, app,
                        java.time.Duration.between(startedAt, Instant.now()));
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.error("reindexing application {} stopped after {} messages; run it again (it is idempotent)",
                        app, indexed, e);
            } finally {
                finishedAt = Instant.now();
            }
        }

        Map<String, Object> describe() {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("running", finishedAt == null);
            status.put("app", app);
            status.put("indexed", indexed);
            status.put("started_at", startedAt.toString());
            if (finishedAt != null) {
                status.put("finished_at", finishedAt.toString());
            }
            if (error != null) {
                status.put("error", error);
            }
            return status;
        }
    }
}
