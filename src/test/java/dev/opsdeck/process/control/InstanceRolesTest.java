package dev.opsdeck.process.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.process.entity.InstanceRole;
import org.junit.jupiter.api.Test;

class InstanceRolesTest {

    @Test
    void unsetOrBlankMeansEveryRole() {
        assertEquals("console,api,ingestion,scheduler", InstanceRoles.parse(null).label());
        assertEquals("console,api,ingestion,scheduler", InstanceRoles.parse("  ").label());
        assertEquals("console,api,ingestion,scheduler", InstanceRoles.parse("all").label());
    }

    @Test
    void aListNamesTheRolesInAnyOrderAndCase() {
        InstanceRoles roles = InstanceRoles.parse(" API, Console ");
        assertTrue(roles.has(InstanceRole.CONSOLE));
        assertTrue(roles.has(InstanceRole.API));
        assertFalse(roles.has(InstanceRole.INGESTION));
        assertFalse(roles.has(InstanceRole.SCHEDULER));
        assertEquals("console,api", roles.label());
        assertEquals("ingestion,scheduler", InstanceRoles.parse("scheduler,ingestion,ingestion").label());
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheKeyAndTheValue() {
        InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                () -> InstanceRoles.parse("console,ingest"));
        assertEquals("Invalid configuration opsdeck.roles (OPSDECK_ROLES): unknown role 'ingest' in 'console,ingest'; "
                + "use a comma-separated list of console, api, ingestion, scheduler, or all", refused.getMessage());
    }

    @Test
    void anEmptyItemIsRefused() {
        InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                () -> InstanceRoles.parse("console,,api"));
        assertTrue(refused.getMessage().contains("an empty role in 'console,,api'"), refused.getMessage());
    }
}
