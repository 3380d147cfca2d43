package dev.opsdeck.mail.entity;

import java.util.Arrays;
import java.util.Optional;

public enum MailState {
    QUEUED, SENT, FAILED;

    public String label() {
        return name().toLowerCase();
    }

    public static Optional<MailState> of(String label) {
        return Arrays.stream(values()).filter(state -> state.label().equals(label)).findFirst();
    }
}
