package dev.opsdeck.payments.boundary;

import dev.opsdeck.payments.entity.Payment;
import dev.opsdeck.records.boundary.RecordDetail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** An account's recent payments, for the account's page: payments sit above accounts, so the account page asks here. */
@Named
@RequestScoped
public class AccountPayments {

    @PersistenceContext
    EntityManager em;

    public List<Payment> of(UUID accountId) {
        if (accountId == null) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Payment p WHERE p.accountId = :account ORDER BY p.createdAt DESC, p.paymentId DESC",
                Payment.class).setParameter("account", accountId).setMaxResults(RecordDetail.RECENT).getResultList();
    }
}
