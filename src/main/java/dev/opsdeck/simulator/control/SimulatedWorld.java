package dev.opsdeck.simulator.control;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The accounts and payments the simulated Go services own. Every change publishes the aggregate's full state in
 * the contract's envelope (EVENTS.md): a new event id, {@code version} up by one and {@code updated_at} strictly
 * later each time. Actions answer as GO-SERVICES.md says; a refund becomes {@code refunded} a little later.
 */
public class SimulatedWorld {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final List<String> CURRENCIES = List.of("EUR", "EUR", "EUR", "USD", "USD", "GBP", "CHF");
    private static final int MAX_KEPT = 2000;

    /** An event to publish: the broker address and the message body. */
    public record Event(String address, String body) {
    }

    /** An HTTP answer of a simulated service. */
    public record Answer(int status, String body) {
    }

    private static final class Account {
        UUID id;
        UUID owner;
        String currency;
        long balance;
        String status;
        Instant createdAt;
        Instant updatedAt;
        long version;
    }

    private static final class Payment {
        UUID id;
        UUID account;
        long amount;
        String currency;
        String status;
        Instant createdAt;
        Instant updatedAt;
        long version;
        Instant refundDoneAt;
    }

    private final Map<UUID, Account> accounts = new LinkedHashMap<>();
    private final Map<UUID, Payment> payments = new LinkedHashMap<>();
    private final List<Event> outbox = new ArrayList<>();
    private final Random random;
    private final Duration refundDelay;

    public SimulatedWorld(Random random, Duration refundDelay) {
        this.random = random;
        this.refundDelay = refundDelay;
    }

    public synchronized Answer refund(UUID paymentId, Instant now) {
        Payment payment = payments.get(paymentId);
        if (payment == null) {
            return error(404, "payment " + paymentId + " not found");
        }
        if (!payment.status.equals("settled")) {
            return error(409, "payment " + paymentId + " is " + payment.status + ", only a settled payment can be refunded");
        }
        change(payment, "refund_requested", now);
        payment.refundDoneAt = now.plus(refundDelay);
        return new Answer(202, JSON.createObjectBuilder().add("refund_id", UUID.randomUUID().toString())
                .add("status", "refund_requested").build().toString());
    }

    public synchronized Answer freeze(UUID accountId, boolean freeze, Instant now) {
        Account account = accounts.get(accountId);
        if (account == null) {
            return error(404, "account " + accountId + " not found");
        }
        String from = freeze ? "active" : "frozen";
        String to = freeze ? "frozen" : "active";
        if (!account.status.equals(from)) {
            return error(409, "account " + accountId + " is " + account.status + ", only an " + from + " account can be "
                    + (freeze ? "frozen" : "unfrozen"));
        }
        change(account, to, 0, now);
        return new Answer(202, JSON.createObjectBuilder().add("status", to).build().toString());
    }

    /** Completes the refunds due; with {@code traffic}, also one change: a new account or payment, a settlement, a balance. */
    public synchronized void step(Instant now, boolean traffic) {
        for (Payment payment : payments.values()) {
            if (payment.refundDoneAt != null && !payment.refundDoneAt.isAfter(now) && payment.status.equals("refund_requested")) {
                payment.refundDoneAt = null;
                change(payment, "refunded", now);
            }
        }
        if (!traffic) {
            return;
        }
        int dice = random.nextInt(100);
        List<Account> active = accounts.values().stream().filter(a -> a.status.equals("active")).toList();
        List<Payment> pending = payments.values().stream().filter(p -> p.status.equals("pending")).toList();
        if (active.size() < 5 || dice < 15) {
            createAccount(now);
        } else if (dice < 55) {
            createPayment(active.get(random.nextInt(active.size())), now);
        } else if (dice < 85 && !pending.isEmpty()) {
            Payment payment = pending.get(random.nextInt(pending.size()));
            change(payment, random.nextInt(10) == 0 ? "failed" : "settled", now);
        } else {
            Account account = active.get(random.nextInt(active.size()));
            change(account, account.status, (random.nextInt(20_000) - 8_000) * 10L, now);
        }
        forgetOldest();
    }

    public synchronized List<Event> drain() {
        List<Event> events = new ArrayList<>(outbox);
        outbox.clear();
        return events;
    }

    private void createAccount(Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.owner = UUID.randomUUID();
        account.currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        account.balance = random.nextInt(5_000_000);
        account.status = "active";
        account.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        account.updatedAt = account.createdAt;
        account.version = 1;
        accounts.put(account.id, account);
        outbox.add(new Event("accounts.events", envelope("account.created", "accounts", account.updatedAt, accountPayload(account))));
    }

    private void createPayment(Account account, Instant now) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.account = account.id;
        payment.amount = 100 + random.nextInt(random.nextInt(10) == 0 ? 500_000 : 50_000);
        payment.currency = account.currency;
        payment.status = "pending";
        payment.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        payment.updatedAt = payment.createdAt;
        payment.version = 1;
        payments.put(payment.id, payment);
        outbox.add(new Event("payments.events", envelope("payment.created", "payments", payment.updatedAt, paymentPayload(payment))));
    }

    private void change(Payment payment, String status, Instant now) {
        payment.status = status;
        payment.updatedAt = later(payment.updatedAt, now);
        payment.version++;
        outbox.add(new Event("payments.events", envelope("payment.updated", "payments", payment.updatedAt, paymentPayload(payment))));
    }

    private void change(Account account, String status, long balanceDelta, Instant now) {
        account.status = status;
        account.balance += balanceDelta;
        account.updatedAt = later(account.updatedAt, now);
        account.version++;
        outbox.add(new Event("accounts.events", envelope("account.updated", "accounts", account.updatedAt, accountPayload(account))));
    }

    /** updated_at must strictly increase per aggregate, even when two changes fall in the same millisecond. */
    private static Instant later(Instant previous, Instant now) {
        Instant candidate = now.truncatedTo(ChronoUnit.MILLIS);
        return candidate.isAfter(previous) ? candidate : previous.plusMillis(1);
    }

    private void forgetOldest() {
        while (payments.size() > MAX_KEPT) {
            payments.remove(payments.keySet().iterator().next());
        }
        while (accounts.size() > MAX_KEPT) {
            accounts.remove(accounts.keySet().iterator().next());
        }
    }

    private static JsonObject accountPayload(Account a) {
        return JSON.createObjectBuilder().add("account_id", a.id.toString()).add("owner_id", a.owner.toString())
                .add("currency", a.currency).add("balance_cents", a.balance).add("status", a.status)
                .add("created_at", a.createdAt.toString()).add("updated_at", a.updatedAt.toString())
                .add("version", a.version).build();
    }

    private static JsonObject paymentPayload(Payment p) {
        return JSON.createObjectBuilder().add("payment_id", p.id.toString()).add("account_id", p.account.toString())
                .add("amount_cents", p.amount).add("currency", p.currency).add("status", p.status)
                .add("created_at", p.createdAt.toString()).add("updated_at", p.updatedAt.toString())
                .add("version", p.version).build();
    }

    private static String envelope(String type, String source, Instant occurredAt, JsonObject payload) {
        return JSON.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("type", type).add("source", source)
                .add("occurred_at", occurredAt.toString()).add("payload", payload).build().toString();
    }

    private static Answer error(int status, String message) {
        return new Answer(status, JSON.createObjectBuilder().add("message", message).build().toString());
    }
}
