package dev.chatplatform.adapters.persistence;

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

    public Db(PlatformTransactionManager transactions) {
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
        return run(writes, work);
    }

    public void writeAll(Runnable work) {
        run(writes, () -> {
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
