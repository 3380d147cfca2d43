package dev.opsdeck.accounts.boundary;

import dev.opsdeck.accounts.entity.Account;
import dev.opsdeck.console.boundary.RecordDetail;
import dev.opsdeck.payments.entity.Payment;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;

/** One account: every field, how fresh it is, the events that made it, its recent payments and its history. */
@Named
@ViewScoped
public class AccountDetail extends RecordDetail<Account> {

    private static final long serialVersionUID = 1L;

    public AccountDetail() {
        super(Account.class, "account");
    }

    public Account getAccount() {
        return record();
    }

    public List<Payment> getPayments() {
        return em.createQuery("SELECT p FROM Payment p WHERE p.accountId = :account ORDER BY p.createdAt DESC, p.paymentId DESC",
                Payment.class).setParameter("account", key()).setMaxResults(RECENT).getResultList();
    }
}
