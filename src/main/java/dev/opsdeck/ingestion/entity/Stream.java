package dev.opsdeck.ingestion.entity;

/** The event streams Opsdeck consumes, one per Go service. */
public enum Stream {
    ACCOUNTS, PAYMENTS;

    public String label() {
        return name().toLowerCase();
    }

    public static Stream of(String label) {
        return valueOf(label.toUpperCase());
    }
}
