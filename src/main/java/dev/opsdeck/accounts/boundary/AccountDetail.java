package dev.opsdeck.accounts.boundary;

import dev.opsdeck.accounts.entity.Account;
import dev.opsdeck.audit.control.AuditHistory;
import dev.opsdeck.audit.entity.AuditEntry;
import dev.opsdeck.console.boundary.RecordId;
import dev.opsdeck.ingestion.control.RecordEvents;
import dev.opsdeck.ingestion.entity.RecordEvent;
import dev.opsdeck.payments.entity.Payment;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** One account: every field, how fresh it is, the events that made it, its recent payments and its history. */
@Named
@ViewScoped
public class AccountDetail implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    static final int RECENT = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    RecordEvents events;

    @Inject
    AuditHistory history;

    private String id;
    private Account account;

    public void open() throws IOException {
        UUID key = RecordId.parseOrNotFound(id, "account");
        if (key == null) {
            return;
        }
        account = em.find(Account.class, key);
        if (account == null) {
            RecordId.notFound("No account " + key + " has arrived from the accounts stream");
        }
    }

    public List<RecordEvent> getEvents() {
        return events.recent(account.getAccountId(), RECENT);
    }

    public List<Payment> getPayments() {
        return em.createQuery("SELECT p FROM Payment p WHERE p.accountId = :account ORDER BY p.createdAt DESC, p.paymentId DESC",
                Payment.class).setParameter("account", account.getAccountId()).setMaxResults(RECENT).getResultList();
    }

    public List<AuditEntry> getHistory() {
        return history.of(account.getAccountId().toString(), RECENT);
    }

    /** Also on a postback from this page (its actions), where the page's start-up did not run. */
    public Account getAccount() {
        if (account == null && id != null) {
            try {
                account = em.find(Account.class, UUID.fromString(id.trim()));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return account;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
