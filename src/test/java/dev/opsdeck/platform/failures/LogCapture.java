package dev.opsdeck.platform.failures;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Test-only, added to the WAR by ErrorPagesIT: keeps the server's SEVERE records as the server's own console handler
 * writes them (its formatter), so that a test can find the line a reference is in.
 */
@ApplicationScoped
public class LogCapture {

    private static final ConcurrentLinkedDeque<String> LINES = new ConcurrentLinkedDeque<>();

    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                LINES.add(serverFormatter().format(record));
                while (LINES.size() > 500) {
                    LINES.poll();
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Logger.getLogger("").addHandler(handler);
    }

    @PreDestroy
    void stop() {
        Logger.getLogger("").removeHandler(handler);
    }

    static List<String> linesContaining(String text) {
        return LINES.stream().filter(line -> text != null && line.contains(text)).toList();
    }

    private Formatter serverFormatter() {
        for (Handler server : Logger.getLogger("").getHandlers()) {
            if (server != handler && server.getFormatter() != null) {
                return server.getFormatter();
            }
        }
        return new SimpleFormatter();
    }
}
