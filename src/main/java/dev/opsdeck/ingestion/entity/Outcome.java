package dev.opsdeck.ingestion.entity;

/** What applying one delivery did to the read model. */
public enum Outcome {
    APPLIED, DUPLICATE, STALE, UNKNOWN, DEAD_LETTERED, RETRIED;

    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
