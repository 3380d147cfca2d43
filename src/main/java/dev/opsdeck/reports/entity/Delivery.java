package dev.opsdeck.reports.entity;

import java.util.Arrays;
import java.util.Optional;

/** How a configuration's report reaches its recipients by mail: the file attached (when small enough) or a link to its download. */
public enum Delivery {
    ATTACHMENT, LINK;

    public String label() {
        return name().toLowerCase();
    }

    public static Optional<Delivery> of(String label) {
        return Arrays.stream(values()).filter(delivery -> delivery.label().equals(label)).findFirst();
    }
}
