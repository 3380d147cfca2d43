package dev.opsdeck.reports.entity;

import java.util.Arrays;
import java.util.Optional;

public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public String label() {
        return name().toLowerCase();
    }

    public static Optional<RunStatus> of(String label) {
        return Arrays.stream(values()).filter(status -> status.label().equals(label)).findFirst();
    }
}
