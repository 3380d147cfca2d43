package dev.opsdeck.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.reports.entity.ReportRun;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FinishedRunsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private final Map<UUID, ReportRun> rows = new HashMap<>();
    private int reads;

    private FinishedRuns runs(Instant at) {
        FinishedRuns runs = new FinishedRuns();
        runs.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EntityManager.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("find")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    reads++;
                    return rows.get((UUID) args[1]);
                });
        runs.clock = Clock.fixed(at, ZoneOffset.UTC);
        return runs;
    }

    private static ReportRun run(String status, Instant expiresAt) throws Exception {
        ReportRun run = new ReportRun();
        set(run, "id", UUID.randomUUID());
        set(run, "status", status);
        set(run, "expiresAt", expiresAt);
        return run;
    }

    private static void set(ReportRun run, String field, Object value) throws Exception {
        Field f = ReportRun.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(run, value);
    }

    @Test
    void aFinishedRunIsReadOnceAMinuteAtMost() throws Exception {
        ReportRun done = run("succeeded", NOW.plus(Duration.ofDays(30)));
        rows.put(done.getId(), done);
        FinishedRuns runs = runs(NOW);
        for (int i = 0; i < 5; i++) {
            assertEquals(done, runs.find(done.getId()).orElseThrow());
        }
        assertEquals(1, reads);
        runs.clock = Clock.fixed(NOW.plus(FinishedRuns.AT_MOST), ZoneOffset.UTC);
        runs.find(done.getId());
        assertEquals(2, reads);
    }

    @Test
    void aRunStillGoingIsReadEveryTime() throws Exception {
        ReportRun going = run("running", null);
        rows.put(going.getId(), going);
        FinishedRuns runs = runs(NOW);
        runs.find(going.getId());
        runs.find(going.getId());
        assertEquals(2, reads);
    }

    @Test
    void aFinishedRunIsNeverKeptPastItsExpiry() throws Exception {
        ReportRun expiring = run("succeeded", NOW.plusSeconds(5));
        rows.put(expiring.getId(), expiring);
        FinishedRuns runs = runs(NOW);
        runs.find(expiring.getId());
        runs.clock = Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC);
        runs.find(expiring.getId());
        assertEquals(2, reads);
    }

    @Test
    void anUnknownRunIsEmpty() {
        assertTrue(runs(NOW).find(UUID.randomUUID()).isEmpty());
    }
}
