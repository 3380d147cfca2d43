package dev.opsdeck.logging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailuresTest {

    private final Logger logger = Logger.getLogger(FailuresTest.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
    }

    @Test
    void failureIsLoggedSevereWithItsStackTraceUnderTheReferenceItAnswers() {
        IllegalStateException failure = new IllegalStateException("boom");

        String reference = Failures.log(logger, "GET /accounts/account.xhtml", failure);

        assertTrue(Failures.isReference(reference), reference);
        assertEquals(1, records.size());
        LogRecord record = records.get(0);
        assertEquals(Level.SEVERE, record.getLevel());
        assertEquals("Unexpected failure, ref " + reference + ": GET /accounts/account.xhtml", record.getMessage());
        assertSame(failure, record.getThrown());
        assertEquals(FailuresTest.class.getName(), record.getSourceClassName(), "the line names the logger's class, not Failures");
    }

    @Test
    void everyFailureGetsItsOwnReference() {
        String first = Failures.log(logger, "a", new RuntimeException());
        String second = Failures.log(logger, "b", new RuntimeException());

        assertNotEquals(first, second);
    }

    @Test
    void onlySixLowerCaseHexDigitsAreAReference() {
        assertTrue(Failures.isReference("7f3a9c"));
        assertFalse(Failures.isReference("7F3A9C"));
        assertFalse(Failures.isReference("7f3a9"));
        assertFalse(Failures.isReference("<script>"));
        assertFalse(Failures.isReference(null));
    }
}
