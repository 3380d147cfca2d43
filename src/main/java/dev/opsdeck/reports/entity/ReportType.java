package dev.opsdeck.reports.entity;

import java.util.Arrays;
import java.util.Optional;

public enum ReportType {
    ACCOUNT_BALANCES, PAYMENTS_SUMMARY, REFUNDS, DEAD_LETTERS;

    public String label() {
        return name().toLowerCase();
    }

    public static Optional<ReportType> of(String label) {
        return Arrays.stream(values()).filter(type -> type.label().equals(label)).findFirst();
    }
}
