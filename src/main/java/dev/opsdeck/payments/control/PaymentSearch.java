package dev.opsdeck.payments.control;

import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.payments.entity.Payment;
import dev.opsdeck.records.control.ReadModelSearch;
import dev.opsdeck.records.control.ReadModelSearch.Equal;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keyset pages of payments in id order, filtered as the API offers. */
public final class PaymentSearch {

    private static final ReadModelSearch<Payment> PAYMENTS = new ReadModelSearch<>(Payment.class, "paymentId", Payment::getPaymentId);

    public record Filter(Optional<String> status, Optional<String> currency, Optional<UUID> accountId) {
    }

    private PaymentSearch() {
    }

    public static KeysetPage<Payment> page(EntityManager em, Filter filter, Optional<UUID> after, int size) {
        return PAYMENTS.page(em, List.of(new Equal("status", filter.status()), new Equal("currency", filter.currency()),
                new Equal("accountId", filter.accountId())), after, size);
    }
}
