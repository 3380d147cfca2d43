package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.Event;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.process.control.IngestionNice;
import dev.opsdeck.process.control.IngestionYield;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Group commit: every consumer hands its event to a writer thread and waits; the writer takes whatever
 * queued up during its last commit and applies it in one transaction, so a batch costs one commit however
 * many deliveries share it. A consumer returns (and its message is acknowledged) only after the commit
 * holding its event; if the batch fails, each event is tried alone so one bad event cannot fail the others.
 * There can be several writers (lanes, {@code ingestion.writers}, one by default), each with its own connection;
 * an aggregate always goes to the same lane, so its versions and the redeliveries of its events never meet in
 * two transactions at once.
 * <p>
 * Each lane's writer hands a committed batch's outcomes to the lane's notifier thread and starts the next batch
 * at once: waking some fifty waiting consumers took a fifth of the writer's time, during which the database idled.
 */
public class ReadModelWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReadModelWriter.class.getName());

    private final DataSource dataSource;
    private final ReadModelStatements statements;
    private final int maxBatch;
    private final Clock clock;
    private final IntConsumer batchSizes;
    private final IngestionYield pacing;
    private final List<Lane> lanes = new ArrayList<>();
    private volatile boolean running = true;

    public ReadModelWriter(DataSource dataSource, ReadModelStatements statements, int lanes, int maxBatch, Clock clock,
                           ThreadFactory threads, IntConsumer batchSizes) {
        this(dataSource, statements, lanes, maxBatch, clock, threads, batchSizes, IngestionYield.never());
    }

    /** With {@code pacing}, each batch may wait a bounded moment for console and API requests in flight. */
    public ReadModelWriter(DataSource dataSource, ReadModelStatements statements, int lanes, int maxBatch, Clock clock,
                           ThreadFactory threads, IntConsumer batchSizes, IngestionYield pacing) {
        this.pacing = pacing;
        if (lanes < 1) {
            throw new IllegalArgumentException("ingestion.writers must be at least 1, was " + lanes);
        }
        this.batchSizes = batchSizes;
        this.dataSource = dataSource;
        this.statements = statements;
        this.maxBatch = maxBatch;
        this.clock = clock;
        for (int i = 0; i < lanes; i++) {
            this.lanes.add(new Lane(threads, i + 1));
        }
    }

    /** False once closing: what is submitted then fails at once, and the caller leaves it for redelivery. */
    public boolean running() {
        return running;
    }

    /** Applies the event and tells what it did; completes exceptionally with a {@link WriteFailure}. */
    public CompletableFuture<Outcome> submit(Stream stream, Event event) {
        var submission = new Submission(stream, event, new CompletableFuture<>());
        if (!running) {
            submission.outcome().completeExceptionally(new WriteFailure("writer is shutting down", true, null));
        } else {
            lanes.get(Math.floorMod(event.state().aggregateId().hashCode(), lanes.size())).queue.add(submission);
        }
        return submission.outcome();
    }

    private final class Lane {

        private final BlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
        private final BlockingQueue<List<Runnable>> notifications = new LinkedBlockingQueue<>();
        private final Thread writer;
        private final Thread notifier;

        Lane(ThreadFactory threads, int number) {
            writer = threads.newThread(this::write);
            writer.setName(IngestionNice.THREAD_PREFIX + "writer-" + number);
            notifier = threads.newThread(this::notifyWaiting);
            notifier.setName(IngestionNice.THREAD_PREFIX + "notifier-" + number);
            notifier.start();
            writer.start();
        }

        private void write() {
            while (running) {
                List<Submission> batch = new ArrayList<>(maxBatch);
                try {
                    batch.add(queue.take());
                    pacing.beforeBatch();
                    queue.drainTo(batch, maxBatch - 1);
                    batchSizes.accept(batch.size());
                    notifications.add(writeBatch(batch));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Read model writer failed unexpectedly", e);
                    batch.forEach(s -> s.outcome().completeExceptionally(new WriteFailure(String.valueOf(e), true, e)));
                }
            }
            List<Submission> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(s -> s.outcome().completeExceptionally(new WriteFailure("writer stopped", true, null)));
        }

        private void notifyWaiting() {
            while (true) {
                try {
                    completeAll(notifications.take());
                } catch (InterruptedException e) {
                    // Stopping: the writer has finished, so whatever it handed over is all there is.
                    List<List<Runnable>> left = new ArrayList<>();
                    notifications.drainTo(left);
                    left.forEach(ReadModelWriter::completeAll);
                    return;
                }
            }
        }
    }

    /** One completion that fails must not leave the rest of its batch waiting. */
    private static void completeAll(List<Runnable> completions) {
        for (Runnable completion : completions) {
            try {
                completion.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Completing a read model write failed unexpectedly", e);
            }
        }
    }

    /** Writes the batch and returns how to complete each of its submissions: with its outcome, or its failure. */
    private List<Runnable> writeBatch(List<Submission> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        try {
            List<Outcome> outcomes = write(batch);
            for (int i = 0; i < batch.size(); i++) {
                CompletableFuture<Outcome> waiting = batch.get(i).outcome();
                Outcome outcome = outcomes.get(i);
                completions.add(() -> waiting.complete(outcome));
            }
        } catch (SQLException batchFailure) {
            if (batch.size() == 1) {
                WriteFailure failure = WriteFailure.of(batchFailure);
                completions.add(() -> batch.get(0).outcome().completeExceptionally(failure));
                return completions;
            }
            for (Submission alone : batch) {
                try {
                    Outcome outcome = write(List.of(alone)).get(0);
                    completions.add(() -> alone.outcome().complete(outcome));
                } catch (SQLException e) {
                    WriteFailure failure = WriteFailure.of(e);
                    completions.add(() -> alone.outcome().completeExceptionally(failure));
                }
            }
        }
        return completions;
    }

    /** The batch in one transaction: the outcome of each event, in the batch's order. */
    List<Outcome> write(List<Submission> batch) throws SQLException {
        Instant now = clock.instant();
        Outcome[] outcomes;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // PostgreSQL takes the whole batch as arrays in a few statements; the embedded H2 row by row.
                outcomes = statements == ReadModelStatements.POSTGRESQL
                        ? PostgresArrayBatch.write(connection, batch, now)
                        : RowByRowBatch.write(connection, statements, batch, now);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return List.of(outcomes);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Lane lane : lanes) {
            lane.writer.interrupt();
        }
        for (Lane lane : lanes) {
            lane.writer.join(10_000);
            lane.notifier.interrupt();
            lane.notifier.join(10_000);
        }
    }
}
