package dev.opsdeck.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsdeck.audit.entity.AuditEntry;
import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.security.entity.SecurityEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityAuditTest {

    private final List<AuditRecord> recorded = new ArrayList<>();
    private final SecurityAudit observer = new SecurityAudit();

    SecurityAuditTest() {
        observer.audit = new AuditTrail() {
            @Override
            public AuditEntry record(AuditRecord record) {
                recorded.add(record);
                return null;
            }
        };
    }

    @Test
    void aFailedLoginIsKeptWithItsReasonAndNoTarget() {
        observer.record(SecurityEvent.of("vera", "10.0.0.7", "login.failed", "refused").details("wrong password"));

        assertEquals(List.of(new AuditRecord("vera", "10.0.0.7", "login.failed", null, List.of(), "refused", "wrong password")),
                recorded);
    }

    @Test
    void aChangedUserIsTheEntrysTarget() {
        observer.record(SecurityEvent.of("admin", "10.0.0.1", "user.role-changed", "succeeded").on("vera").details("viewer -> operator"));

        assertEquals(List.of(new AuditRecord("admin", "10.0.0.1", "user.role-changed", "user", List.of("vera"), "succeeded",
                "viewer -> operator")), recorded);
    }
}
