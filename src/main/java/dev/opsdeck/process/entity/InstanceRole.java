package dev.opsdeck.process.entity;

import java.util.Locale;

/** One kind of work an instance may be told to do; every instance does all of them unless told otherwise. */
public enum InstanceRole {
    CONSOLE, API, INGESTION, SCHEDULER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
