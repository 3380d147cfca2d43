package dev.opsdeck.payments.boundary;

import dev.opsdeck.payments.entity.Payment;
import java.time.Instant;
import java.util.UUID;

/** A payment in the contract's field names, plus when Opsdeck last applied an event to it. */
public record PaymentView(UUID paymentId, UUID accountId, long amountCents, String currency, String status,
                          Instant createdAt, Instant updatedAt, Long version, Instant syncedAt) {

    static PaymentView of(Payment payment) {
        return new PaymentView(payment.getPaymentId(), payment.getAccountId(), payment.getAmountCents(), payment.getCurrency(),
                payment.getStatus(), payment.getCreatedAt(), payment.getUpdatedAt(), payment.getVersion(), payment.getSyncedAt());
    }
}
