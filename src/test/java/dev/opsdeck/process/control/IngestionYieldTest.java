package dev.opsdeck.process.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IngestionYieldTest {

    private static final long MS = 1_000_000L;

    private final InteractiveRequests requests = new InteractiveRequests();

    private IngestionYield yielding(long maxPauseMs, int maxPercent) {
        return new IngestionYield(requests, Duration.ofMillis(maxPauseMs), maxPercent, System::nanoTime);
    }

    @Test
    void withNoRequestInFlightABatchStartsAtOnce() {
        IngestionYield yielding = yielding(1_000, 50);
        assertEquals(0, yielding.beforeBatch());
        assertEquals(0, yielding.figures().pauses());
    }

    @Test
    void aBatchWaitsUntilTheRequestsInFlightHaveEnded() {
        IngestionYield yielding = yielding(5_000, 50);
        InteractiveRequests.Counted first = requests.begin();
        InteractiveRequests.Counted second = requests.begin();
        CompletableFuture<Void> ending = CompletableFuture.runAsync(() -> {
            sleep(30);
            first.end();
            sleep(30);
            second.close();
        });
        long waited = yielding.beforeBatch();
        ending.join();
        assertTrue(waited >= 55 * MS && waited < 2_000 * MS, "waited " + waited / MS + " ms");
        assertEquals(1, yielding.figures().pauses());
    }

    @Test
    void aRequestDoneWithTheDatabaseNoLongerHoldsABatchAndCountsOnceWhenItEnds() throws Exception {
        IngestionYield yielding = yielding(5_000, 50);
        InteractiveRequests.Counted listPage = requests.begin();
        CompletableFuture<Void> rowsRead = CompletableFuture.runAsync(() -> sleep(30)).thenRun(listPage::end);
        long waited = yielding.beforeBatch();
        rowsRead.join();
        assertTrue(waited >= 25 * MS && waited < 2_000 * MS, "waited " + waited / MS + " ms");
        assertEquals(0, requests.inFlight());
        listPage.close();
        assertEquals(0, requests.inFlight(), "ended twice, counted once");
        assertEquals(0, yielding.beforeBatch(), "no request left to wait for");
    }

    @Test
    void doneWithDatabaseEndsTheRequestOfThisThreadOnly() throws Exception {
        try (InteractiveRequests.Counted here = requests.begin()) {
            InteractiveRequests.Counted elsewhere = CompletableFuture.supplyAsync(requests::begin).get(5, TimeUnit.SECONDS);
            assertEquals(2, requests.inFlight());
            requests.doneWithDatabase();
            assertEquals(1, requests.inFlight(), "this thread's request no longer counts");
            requests.doneWithDatabase();
            assertEquals(1, requests.inFlight(), "the other thread's still does");
            elsewhere.close();
            assertEquals(0, requests.inFlight());
        }
        requests.doneWithDatabase();
        assertEquals(0, requests.inFlight(), "outside a request it does nothing");
    }

    @Test
    void aRequestThatNeverEndsDelaysABatchByOnePauseAtMost() {
        IngestionYield yielding = yielding(50, 50);
        requests.begin();
        long waited = yielding.beforeBatch();
        assertTrue(waited >= 45 * MS && waited < 1_000 * MS, "waited " + waited / MS + " ms");
    }

    @Test
    void underEndlessRequestsPausesTakeAtMostTheirShareOfTheTime() {
        IngestionYield yielding = yielding(40, 20);
        requests.begin();
        long start = System.nanoTime();
        long batches = 0;
        while (System.nanoTime() - start < 1_500 * MS) {
            yielding.beforeBatch();
            sleep(5);
            batches++;
        }
        long elapsed = System.nanoTime() - start;
        long yielded = yielding.figures().yielded().toNanos();
        assertTrue(yielded <= elapsed * 0.2 + 40 * MS + 10 * MS,
                "yielded " + yielded / MS + " ms of " + elapsed / MS + " ms; more than 20% plus one pause");
        assertTrue(yielded >= 40 * MS, "yielded only " + yielded / MS + " ms");
        assertTrue(batches > 100, "the writer kept writing: " + batches + " batches");
    }

    @Test
    void withAfterSetOnlyRequestsInFlightThatLongHoldABatch() {
        IngestionYield yielding = new IngestionYield(requests, Duration.ofMillis(1_000), Duration.ofMillis(5_000), 50,
                System::nanoTime);
        try (InteractiveRequests.Counted request = requests.begin()) {
            assertEquals(0, yielding.beforeBatch(), "a request in flight for less than 1 s does not hold the batch");
            sleep(1_100);
            CompletableFuture<Void> ending = CompletableFuture.runAsync(() -> sleep(30)).thenRun(request::end);
            long waited = yielding.beforeBatch();
            ending.join();
            assertTrue(waited >= 25 * MS && waited < 2_000 * MS, "waited " + waited / MS + " ms");
        }
        assertEquals(0, requests.busyNanos(), "none in flight");
    }

    @Test
    void requestsCountAsBusyFromWhenTheFirstBeganWithoutABreak() {
        assertEquals(0, requests.busyNanos());
        InteractiveRequests.Counted first = requests.begin();
        sleep(50);
        InteractiveRequests.Counted second = requests.begin();
        first.end();
        assertTrue(requests.busyNanos() >= 45 * MS, "busy since the first began: " + requests.busyNanos() / MS + " ms");
        second.end();
        try (InteractiveRequests.Counted third = requests.begin()) {
            assertTrue(requests.busyNanos() < 40 * MS, "a new busy period: " + requests.busyNanos() / MS + " ms");
        }
    }

    @Test
    void zeroPercentOrZeroPauseNeverWaits() {
        requests.begin();
        assertEquals(0, yielding(100, 0).beforeBatch());
        assertEquals(0, yielding(0, 50).beforeBatch());
        assertEquals("off (ingestion.yield.max-percent or ingestion.yield.max-pause-ms is 0)",
                yielding(0, 50).figures().summary(Instant.now()));
    }

    @Test
    void anInterruptedWriterDoesNotWaitAndKeepsItsInterrupt() {
        IngestionYield yielding = yielding(10_000, 50);
        requests.begin();
        Thread.currentThread().interrupt();
        long waited = yielding.beforeBatch();
        assertTrue(Thread.interrupted(), "the interrupt is kept for the writer's loop");
        assertTrue(waited < 1_000 * MS, "waited " + waited / MS + " ms");
    }

    @Test
    void theFiguresSayHowMuchWasYieldedAndWhen() {
        IngestionYield yielding = yielding(30, 50);
        assertEquals("not needed yet", yielding.figures().summary(Instant.now()));
        requests.begin();
        yielding.beforeBatch();
        IngestionYield.Figures figures = yielding.figures();
        assertEquals(1, figures.pauses());
        assertTrue(figures.lastMinute() > 0.0004 && figures.lastMinute() < 0.02, "share " + figures.lastMinute());
        assertTrue(figures.summary(Instant.now()).matches("yielding now: \\d+% of the last minute \\(1 pauses, 0\\.\\d s in all, the last 0 s ago\\)"),
                figures.summary(Instant.now()));
        assertTrue(figures.summary(Instant.now().plusSeconds(30)).startsWith("yielded "), figures.summary(Instant.now().plusSeconds(30)));
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> yielding(10, 95));
        assertEquals("ingestion.yield.max-percent must be 0 to 90, was 95", refused.getMessage());
        refused = assertThrows(IllegalArgumentException.class, () -> yielding(-1, 20));
        assertEquals("ingestion.yield.max-pause-ms must be 0 or more, was -1", refused.getMessage());
        refused = assertThrows(IllegalArgumentException.class,
                () -> new IngestionYield(requests, Duration.ofMillis(-5), Duration.ofMillis(10), 20, System::nanoTime));
        assertEquals("ingestion.yield.after-ms must be 0 or more, was -5", refused.getMessage());
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
