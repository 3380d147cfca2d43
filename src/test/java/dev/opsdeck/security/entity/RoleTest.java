package dev.opsdeck.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void consoleRolesNest() {
        assertEquals(Set.of("viewer"), Role.granted("viewer"));
        assertEquals(Set.of("viewer", "operator"), Role.granted("operator"));
        assertEquals(Set.of("viewer", "operator", "admin"), Role.granted("admin"));
        assertThrows(IllegalArgumentException.class, () -> Role.granted("service"));
    }
}
