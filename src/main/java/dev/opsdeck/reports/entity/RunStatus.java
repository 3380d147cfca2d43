package dev.opsdeck.reports.entity;

public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public String label() {
        return name().toLowerCase();
    }
}
