package dev.opsdeck.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void consoleRolesNestSoAnAdminMayDoEveryActionAndAViewerNone() {
        for (Action action : Action.values()) {
            assertTrue(action.allows(Role.granted(Role.ADMIN)::contains), action.name());
            assertFalse(action.allows(Role.granted(Role.VIEWER)::contains), action.name());
            assertFalse(action.allows(Set.of(Role.SERVICE)::contains), action.name());
        }
    }

    @Test
    void operatorsReadAndDecideCommandsButChangeNoScheduleNorDeadLetter() {
        Set<String> operator = Role.granted(Role.OPERATOR);
        assertTrue(Action.COMMANDS_READ.allows(operator::contains));
        assertTrue(Action.COMMANDS_DECIDE.allows(operator::contains));
        assertFalse(Action.REPORT_SCHEDULES_CHANGE.allows(operator::contains));
        assertFalse(Action.DEAD_LETTERS_RESOLVE.allows(operator::contains));
        assertFalse(Action.AUDIT_LOG_READ.allows(operator::contains));
        assertEquals("Only admin may replay or discard dead letters", Action.DEAD_LETTERS_RESOLVE.refusal());
    }
}
