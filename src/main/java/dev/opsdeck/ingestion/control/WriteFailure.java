package dev.opsdeck.ingestion.control;

import java.sql.SQLException;
import java.util.Set;

/**
 * A failed write, classified by its SQL state: a data or integrity error will fail again however often it
 * is retried, anything else (connection lost, deadlock, lock or statement timeout) may pass.
 */
public class WriteFailure extends Exception {

    private static final Set<String> PERMANENT_CLASSES = Set.of("22", "23", "42");

    private final boolean transientFailure;

    WriteFailure(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    static WriteFailure of(SQLException e) {
        String state = e.getSQLState();
        boolean permanent = state != null && state.length() >= 2 && PERMANENT_CLASSES.contains(state.substring(0, 2));
        return new WriteFailure((permanent ? "data error " : "database unavailable or busy ") + "(SQL state " + state + "): "
                + e.getMessage(), !permanent, e);
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
