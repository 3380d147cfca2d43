package dev.opsdeck.accounts.boundary;

import dev.opsdeck.accounts.entity.Account;
import dev.opsdeck.records.boundary.ReadModelList;
import dev.opsdeck.records.entity.ReadModelTable;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

@Named
@ViewScoped
public class AccountList extends ReadModelList<Account> {

    private static final long serialVersionUID = 1L;

    public AccountList() {
        super(ReadModelTable.ACCOUNTS, Account.class);
    }

    @Override
    protected Object keyOf(Account row) {
        return row.getAccountId();
    }
}
