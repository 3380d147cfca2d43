package dev.opsdeck.process.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.opsdeck.testing.ThreadNice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestionNiceTest {

    private static final Path THIS_PROCESS = Path.of("/proc/self/task");

    @Test
    void ingestionThreadsAreTheWritersAndArtemisPools() {
        assertTrue(IngestionNice.isIngestion("ingestion-write"));
        assertTrue(IngestionNice.isIngestion("Thread-12 (Acti"));
        assertTrue(IngestionNice.isIngestion("Thread-0 (org.a"));
        assertFalse(IngestionNice.isIngestion("http-thread-poo"));
        assertFalse(IngestionNice.isIngestion("Thread-3"));
        assertFalse(IngestionNice.isIngestion("C2 CompilerThre"));
    }

    @Test
    void newIngestionThreadsAreLoweredOnceAndOthersKeepTheirPriority() throws Exception {
        assumeTrue(Files.isDirectory(THIS_PROCESS), "Linux only: needs /proc");
        CountDownLatch end = new CountDownLatch(1);
        Thread ingestion = waiting("ingestion-test-" + System.nanoTime() % 1000, end);
        Thread request = waiting("request-test", end);
        try {
            IngestionNice nice = IngestionNice.onThisProcess(7);
            assertEquals(0, nice.lowerNewThreads(), "a first look only notes the names");
            assertTrue(nice.lowerNewThreads() >= 1, nice.state());
            assertEquals(7, niceOf(ingestion.getName()));
            assertEquals(0, niceOf(request.getName()));
            assertEquals(0, nice.lowerNewThreads(), "a thread is lowered once");
            assertTrue(nice.state().startsWith("nice 7 ("), nice.state());
        } finally {
            end.countDown();
        }
    }

    @Test
    void aThreadStillNamedAfterItsCreatorIsLeftUntilItsOwnNameHasSettled(@TempDir Path tasks) throws IOException {
        // an id no process can have (pid_max is at most 2^22), so renice touches nothing and answers "No such process"
        Path thread = Files.createDirectories(tasks.resolve("999999999"));
        Files.writeString(thread.resolve("comm"), "__ejb-thread-po\n");
        IngestionNice nice = new IngestionNice(19, tasks);
        assertEquals(0, nice.lowerNewThreads());
        Files.writeString(thread.resolve("comm"), "ingestion-write\n");
        assertEquals(0, nice.lowerNewThreads(), "the name changed since the last look");
        assertEquals(1, nice.lowerNewThreads(), nice.state());
        assertEquals(0, nice.lowerNewThreads());
        assertEquals("nice 19 (1 threads lowered so far)", nice.state());
    }

    @Test
    void withoutProcItSaysWhyAndLowersNothing(@TempDir Path directory) {
        IngestionNice nice = new IngestionNice(19, directory.resolve("no-such-task-directory"));
        assertEquals(0, nice.lowerNewThreads());
        assertTrue(nice.state().endsWith("no-such-task-directory is missing (not Linux)"), nice.state());
        assertEquals(0, nice.lowerNewThreads());
    }

    @Test
    void zeroTurnsItOffAndOtherValuesOutsideTheRangeAreRefused() {
        IngestionNice off = IngestionNice.onThisProcess(0);
        assertEquals(0, off.lowerNewThreads());
        assertEquals("off (ingestion.nice is 0)", off.state());
        IllegalArgumentException tooHigh = assertThrows(IllegalArgumentException.class, () -> IngestionNice.onThisProcess(20));
        assertEquals("ingestion.nice must be 0 (off) to 19, was 20", tooHigh.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IngestionNice.onThisProcess(-1));
    }

    private static Thread waiting(String name, CountDownLatch end) throws InterruptedException {
        CountDownLatch named = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            named.countDown();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        named.await();
        return thread;
    }

    /** The nice value of this process's thread with that name. */
    private static int niceOf(String name) throws IOException {
        String osName = name.length() > 15 ? name.substring(0, 15) : name;
        try (Stream<Path> threads = Files.list(THIS_PROCESS)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                if (Files.readString(thread.resolve("comm")).strip().equals(osName)) {
                    return ThreadNice.of(thread);
                }
            }
        }
        throw new AssertionError("no thread named " + osName);
    }
}
