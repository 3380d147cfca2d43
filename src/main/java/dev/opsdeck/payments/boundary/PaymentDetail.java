package dev.opsdeck.payments.boundary;

import dev.opsdeck.accounts.entity.Account;
import dev.opsdeck.records.boundary.RecordDetail;
import dev.opsdeck.payments.entity.Payment;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** One payment: every field, how fresh it is, its account (which may not have arrived yet), events and history. */
@Named
@ViewScoped
public class PaymentDetail extends RecordDetail<Payment> {

    private static final long serialVersionUID = 1L;

    private Account account;

    public PaymentDetail() {
        super(Payment.class, "payment");
    }

    public Payment getPayment() {
        return record();
    }

    /** Null while the account has not arrived from the accounts stream: there is no foreign key between the two. */
    public Account getAccount() {
        if (account == null && getPayment() != null) {
            account = em.find(Account.class, getPayment().getAccountId());
        }
        return account;
    }
}
