package dev.opsdeck.payments.boundary;

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

/** One payment: every field, how fresh it is, its account (which may not have arrived yet), events and history. */
@Named
@ViewScoped
public class PaymentDetail implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    static final int RECENT = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    RecordEvents events;

    @Inject
    AuditHistory history;

    private String id;
    private Payment payment;
    private Account account;

    public void open() throws IOException {
        UUID key = RecordId.parseOrNotFound(id, "payment");
        if (key == null) {
            return;
        }
        payment = em.find(Payment.class, key);
        if (payment == null) {
            RecordId.notFound("No payment " + key + " has arrived from the payments stream");
            return;
        }
        account = em.find(Account.class, payment.getAccountId());
    }

    public List<RecordEvent> getEvents() {
        return events.recent(payment.getPaymentId(), RECENT);
    }

    public List<AuditEntry> getHistory() {
        return history.of(payment.getPaymentId().toString(), RECENT);
    }

    /** Also on a postback from this page (its actions), where the page's start-up did not run. */
    public Payment getPayment() {
        if (payment == null && id != null) {
            try {
                payment = em.find(Payment.class, UUID.fromString(id.trim()));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return payment;
    }

    /** Null while the account has not arrived from the accounts stream: there is no foreign key between the two. */
    public Account getAccount() {
        if (account == null && getPayment() != null) {
            account = em.find(Account.class, payment.getAccountId());
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
