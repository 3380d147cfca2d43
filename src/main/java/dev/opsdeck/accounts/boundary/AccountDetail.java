package dev.opsdeck.accounts.boundary;

import dev.opsdeck.accounts.entity.Account;
import dev.opsdeck.records.boundary.RecordDetail;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** One account: every field, how fresh it is, the events that made it, and its history (its recent payments come from payments' AccountPayments). */
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
}
