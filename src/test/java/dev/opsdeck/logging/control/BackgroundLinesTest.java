package dev.opsdeck.logging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class BackgroundLinesTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private static final Formatter LINES = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + "\n";
        }
    };

    private List<String> written() {
        String text;
        synchronized (out) {
            text = out.toString(StandardCharsets.UTF_8);
        }
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void everyLineFromManyThreadsIsWrittenOnceInEachThreadsOrder() throws Exception {
        BackgroundLines lines = new BackgroundLines(() -> LINES, out, 64);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    lines.publish(new LogRecord(Level.INFO, thread + ":" + i));
                }
            });
            writer.start();
            threads.add(writer);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        lines.close();
        List<String> written = written();
        assertEquals(16_000, written.size());
        for (int t = 0; t < 8; t++) {
            String prefix = t + ":";
            List<Integer> order = written.stream().filter(l -> l.startsWith(prefix)).map(l -> Integer.parseInt(l.substring(prefix.length()))).toList();
            assertEquals(2_000, order.size());
            for (int i = 0; i < order.size(); i++) {
                assertEquals(i, order.get(i), "thread " + t + "'s lines in order");
            }
        }
    }

    @Test
    void aFullQueueMakesTheCallerWaitForRoomInsteadOfDroppingItsLine() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Formatter held = new Formatter() {
            @Override
            public String format(LogRecord record) {
                if (record.getMessage().equals("first") && Thread.currentThread().getName().equals("opsdeck-access-log")) {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return record.getMessage() + "\n";
            }
        };
        BackgroundLines lines = new BackgroundLines(() -> held, out, 2);
        lines.publish(new LogRecord(Level.INFO, "first"));
        Thread.sleep(200); // the writer now holds "first" and waits
        Thread caller = new Thread(() -> {
            for (int i = 0; i < 5; i++) {
                lines.publish(new LogRecord(Level.INFO, "line " + i));
            }
        });
        caller.start();
        caller.join(500);
        assertTrue(caller.isAlive(), "with two lines queued, the caller waits for room");
        assertEquals(List.of(), written());
        release.countDown();
        caller.join(5_000);
        lines.close();
        assertEquals(List.of("first", "line 0", "line 1", "line 2", "line 3", "line 4"), written());
    }

    @Test
    void closingWritesWhatIsQueuedAndLaterLinesAreWrittenByTheirCallers() {
        BackgroundLines lines = new BackgroundLines(() -> LINES, out, 1_000);
        for (int i = 0; i < 500; i++) {
            lines.publish(new LogRecord(Level.INFO, "queued " + i));
        }
        lines.close();
        assertEquals(500, written().size());
        lines.publish(new LogRecord(Level.INFO, "after close"));
        assertEquals("after close", written().get(500));
    }
}
