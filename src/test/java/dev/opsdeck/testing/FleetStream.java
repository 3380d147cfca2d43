package dev.opsdeck.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A stream as the Go services produce it under trouble: every aggregate updated many times, the messages shuffled
 * (so older versions arrive after newer ones), some sent twice, and poison messages (not JSON, or no payload) each
 * sent more than once. It knows the state the read models must end in.
 */
public final class FleetStream {

    public static final int VERSIONS = 20;

    public record Message(String address, String body) {
    }

    /** The newest version of one aggregate: the event that must be its last applied one. */
    public record Newest(long value, long version, UUID eventId) {
    }

    private final List<Message> messages;
    private final Set<UUID> eventIds;
    private final Map<UUID, Newest> accounts;
    private final Map<UUID, Newest> payments;
    private final Set<String> poison;

    private FleetStream(List<Message> messages, Set<UUID> eventIds, Map<UUID, Newest> accounts,
                        Map<UUID, Newest> payments, Set<String> poison) {
        this.messages = messages;
        this.eventIds = eventIds;
        this.accounts = accounts;
        this.payments = payments;
        this.poison = poison;
    }

    /** About {@code events} distinct events (a multiple of {@link #VERSIONS}), 5% sent twice, one poison per 500. */
    public static FleetStream generate(int events, long seed) {
        Random random = new Random(seed);
        List<Message> messages = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        Map<UUID, Newest> accounts = new HashMap<>();
        Map<UUID, Newest> payments = new HashMap<>();
        Instant t0 = Instant.parse("2026-12-01T08:00:00Z");
        int aggregates = Math.max(2, events / VERSIONS);
        for (int a = 0; a < aggregates; a++) {
            boolean account = a % 5 < 3;
            UUID aggregate = UUID.randomUUID();
            UUID owner = UUID.randomUUID();
            for (int version = 1; version <= VERSIONS; version++) {
                UUID id = UUID.randomUUID();
                long value = account ? random.nextInt(2_000_000) - 1_000_000 : 1 + random.nextInt(1_000_000);
                Instant at = t0.plusSeconds(version * 60L);
                Message message = account
                        ? new Message("accounts.events", Events.account(id, version == 1 ? "account.created" : "account.updated",
                                aggregate, value, "active", (long) version, at))
                        : new Message("payments.events", Events.payment(id, version == 1 ? "payment.created" : "payment.updated",
                                aggregate, owner, value, version == VERSIONS ? "settled" : "pending", version, at));
                messages.add(message);
                if (random.nextInt(20) == 0) {
                    messages.add(message);
                }
                ids.add(id);
                (account ? accounts : payments).put(aggregate, new Newest(value, version, id));
            }
        }
        Set<String> poison = new HashSet<>();
        for (int p = 0; p < Math.max(4, events / 500); p++) {
            String body = p % 2 == 0
                    ? "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"account.updated\",\"source\":\"accounts\",\"payload\":" // cut short
                    : "poison " + UUID.randomUUID() + ": not an event at all";
            String address = p % 4 < 2 ? "accounts.events" : "payments.events";
            poison.add(body);
            messages.add(new Message(address, body));
            messages.add(new Message(address, body));
        }
        Collections.shuffle(messages, random);
        return new FleetStream(List.copyOf(messages), Set.copyOf(ids), Map.copyOf(accounts), Map.copyOf(payments),
                Set.copyOf(poison));
    }

    public List<Message> messages() {
        return messages;
    }

    public Set<UUID> eventIds() {
        return eventIds;
    }

    public Map<UUID, Newest> accounts() {
        return accounts;
    }

    public Map<UUID, Newest> payments() {
        return payments;
    }

    public Set<String> poison() {
        return poison;
    }
}
