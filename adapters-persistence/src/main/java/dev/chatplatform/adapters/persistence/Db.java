package dev.chatplatform.adapters.persistence;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import dev.chatplatform.application.DependencyUnavailableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs the adapter's work in a transaction and turns "the database is away or busy" into the
 * application's {@link DependencyUnavailableException}: a 503 for a request, a retry for the worker.
 * Every other failure propagates as it is.
 */
@Component
public class Db {

    private final TransactionTemplate writes;
    private final TransactionTemplate reads;
    private final ObservationRegistry observations;

    /**
     * {@code observations}: each write transaction is observed as {@code chat.db.write} (a timer, and a span in
     * the trace of the batch it serves, issue 13). Reads are timed by the connection pool's meters
     * ({@code hikaricp.connections.usage}): an observation per read would cost the inbox more than it tells.
     */
    @Autowired
    public Db(PlatformTransactionManager transactions, ObjectProvider<ObservationRegistry> observations) {
        this(transactions, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    public Db(PlatformTransactionManager transactions) {
        this(transactions, ObservationRegistry.NOOP);
    }

    private Db(PlatformTransactionManager transactions, ObservationRegistry observations) {
        this.observations = observations;
        this.writes = new TransactionTemplate(transactions);
        this.reads = new TransactionTemplate(transactions);
        // A read runs outside any transaction, on one connection in autocommit: each of its statements is a
        // consistent read by itself (a read that needs two facts to agree reads them in one statement). A
        // read-only transaction cost three round trips more per statement (SET autocommit=0, COMMIT, SET
        // autocommit=1): two thirds of the statements an inbox page sent (issue 12, docs/performance.md).
        // Inside a write transaction a read joins it.
        this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        this.reads.setReadOnly(true);
    }

    public <T> T write(Supplier<T> work) {
        return Observation.createNotStarted("chat.db.write", observations).observe(() -> run(writes, work));
    }

    public void writeAll(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    public <T> T read(Supplier<T> work) {
        return run(reads, work);
    }

    private static <T> T run(TransactionTemplate template, Supplier<T> work) {
        try {
            return template.execute(status -> work.get());
        } catch (TransientDataAccessException | DataAccessResourceFailureException | RecoverableDataAccessException
                 | TransactionException e) {
            // TransactionException covers "could not even open a transaction": no connection to be had.
            throw new DependencyUnavailableException("mysql", e);
        }
    }
}
