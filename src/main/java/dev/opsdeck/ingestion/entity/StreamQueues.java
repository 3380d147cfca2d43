package dev.opsdeck.ingestion.entity;

/**
 * Where each stream's events wait on the broker unless configured otherwise: the Go service's address and Opsdeck's
 * durable queue on it. Compile-time constants, so the consumers' activation config and the resource adapter (which
 * cannot see the WAR's classes or its MicroProfile Config at run time) compile the same defaults in.
 */
public final class StreamQueues {

    public static final String ACCOUNTS_ADDRESS = "accounts.events";
    public static final String ACCOUNTS_QUEUE = "opsdeck.accounts.events";
    public static final String PAYMENTS_ADDRESS = "payments.events";
    public static final String PAYMENTS_QUEUE = "opsdeck.payments.events";

    /** Artemis' address::queue form, with the environment variables Payara resolves in activation config. */
    public static final String ACCOUNTS_DESTINATION = "${ENV=BROKER_ACCOUNTS_ADDRESS:" + ACCOUNTS_ADDRESS + "}::${ENV=BROKER_ACCOUNTS_QUEUE:"
            + ACCOUNTS_QUEUE + "}";
    public static final String PAYMENTS_DESTINATION = "${ENV=BROKER_PAYMENTS_ADDRESS:" + PAYMENTS_ADDRESS + "}::${ENV=BROKER_PAYMENTS_QUEUE:"
            + PAYMENTS_QUEUE + "}";

    private StreamQueues() {
    }
}
