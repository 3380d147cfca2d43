package dev.opsdeck.ingestion.control;

/** A message that can never become valid by retrying it: it goes to the dead letters at once, with this reason. */
public class MalformedEventException extends Exception {

    public MalformedEventException(String reason) {
        super(reason, null, false, false);
    }
}
