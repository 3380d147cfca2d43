package dev.opsdeck.process.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.process.entity.InstanceRole;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServedRolesTest {

    private static ServedRoles with(String roles) {
        ServedRoles served = new ServedRoles();
        served.configured = Optional.ofNullable(roles);
        served.read();
        return served;
    }

    @Test
    void theApiIsEverythingUnderApiAndItsDocsTheConsoleTheRest() {
        assertEquals(InstanceRole.API, ServedRoles.roleOf("/api"));
        assertEquals(InstanceRole.API, ServedRoles.roleOf("/api/v1/accounts"));
        assertEquals(InstanceRole.API, ServedRoles.roleOf("/api-docs/index.html"));
        assertEquals(InstanceRole.CONSOLE, ServedRoles.roleOf("/apiary.xhtml"));
        assertEquals(InstanceRole.CONSOLE, ServedRoles.roleOf("/accounts/index.xhtml"));
        assertEquals(InstanceRole.CONSOLE, ServedRoles.roleOf("/login.xhtml"));
        assertEquals(InstanceRole.CONSOLE, ServedRoles.roleOf(""));
    }

    @Test
    void anIngestionWorkerServesNeitherConsoleNorApi() {
        ServedRoles worker = with("ingestion,scheduler");
        assertFalse(worker.serves("/api/v1/info"));
        assertFalse(worker.serves("/login.xhtml"));
        assertFalse(worker.serves(""));
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentAnswerWhateverTheRoles() {
        ServedRoles worker = with("ingestion");
        assertTrue(worker.serves("/health/ready"));
        assertTrue(worker.serves("/health"));
        assertTrue(worker.serves("/metrics"));
        assertTrue(worker.serves("/openapi"));
        assertFalse(worker.serves("/healthy.xhtml"));
    }

    @Test
    void aConsoleReplicaServesWhatItsRolesName() {
        assertTrue(with("console").serves("/accounts/index.xhtml"));
        assertFalse(with("console").serves("/api/v1/info"));
        assertTrue(with("api").serves("/api/v1/info"));
        assertFalse(with("api").serves("/index.xhtml"));
        assertTrue(with(null).serves("/api/v1/info"));
        assertTrue(with(null).serves("/index.xhtml"));
    }
}
