package dev.opsdeck.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.notifications.entity.NotificationKind;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleDraftTest {

    private static String field(Runnable draft) {
        return assertThrows(InvalidRuleException.class, draft::run).field();
    }

    @Test
    void aDeadLetterRuleNeedsAThresholdAndPlainAddresses() {
        RuleDraft draft = RuleDraft.of(Json.createObjectBuilder().add("kind", "dead_letters").add("threshold", 10)
                .add("stream", "accounts").add("recipients", Json.createArrayBuilder().add("ops@example.com")).build());
        assertEquals(NotificationKind.DEAD_LETTERS, draft.kind());
        assertEquals(10L, draft.threshold());
        assertTrue(draft.enabled());
        assertEquals("threshold", field(() -> RuleDraft.of("dead_letters", null, "", "ops@example.com", true)));
        assertEquals("threshold", field(() -> RuleDraft.of("dead_letters", -1L, "", "ops@example.com", true)));
        assertEquals("recipients", field(() -> RuleDraft.of("dead_letters", 1L, "", "", true)));
        assertEquals("recipients", field(() -> RuleDraft.of("dead_letters", 1L, "", "Ops <ops@example.com>", true)));
    }

    @Test
    void unknownKindsAndStreamsAreRefusedNamingTheField() {
        assertEquals("kind", field(() -> RuleDraft.of("disk_full", null, null, "ops@example.com", true)));
        assertEquals("stream", field(() -> RuleDraft.of("stream_unhealthy", null, "orders", "ops@example.com", true)));
        assertEquals("stream", field(() -> RuleDraft.of("report_failed", null, "accounts", "ops@example.com", true)));
        assertEquals("threshold", field(() -> RuleDraft.of(Json.createObjectBuilder().add("kind", "dead_letters")
                .add("threshold", "ten").add("recipients", Json.createArrayBuilder().add("ops@example.com")).build())));
    }

    @Test
    void kindsWithoutAThresholdDropOneThatWasSent() {
        RuleDraft draft = RuleDraft.of("approval_waiting", 5L, "", "a@example.com; b@example.com", false);
        assertNull(draft.threshold());
        assertNull(draft.stream());
        assertEquals(List.of("a@example.com", "b@example.com"), draft.recipients());
    }
}
