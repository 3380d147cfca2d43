package dev.opsdeck.reports.control;

import dev.opsdeck.reports.entity.ReportRun;
import dev.opsdeck.reports.entity.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Report runs as the API reads them. A succeeded or failed run changes only when its file expires, so it is
 * kept in memory for a minute at most and never past its expiry; queued and running runs are always read anew.
 */
@ApplicationScoped
public class FinishedRuns {

    static final Duration AT_MOST = Duration.ofSeconds(60);
    static final int CAPACITY = 10_000;

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    private record Kept(ReportRun run, Instant until) {
    }

    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    public Optional<ReportRun> find(UUID id) {
        Instant now = clock.instant();
        Kept hit = kept.get(id);
        if (hit != null && now.isBefore(hit.until())) {
            return Optional.of(hit.run());
        }
        ReportRun run = em.find(ReportRun.class, id);
        if (run == null) {
            kept.remove(id);
            return Optional.empty();
        }
        if (run.getStatus() == RunStatus.SUCCEEDED || run.getStatus() == RunStatus.FAILED) {
            Instant until = now.plus(AT_MOST);
            if (run.getExpiresAt() != null && run.getExpiresAt().isBefore(until)) {
                until = run.getExpiresAt();
            }
            if (kept.size() >= CAPACITY) {
                kept.clear();
            }
            kept.put(id, new Kept(run, until));
        } else {
            kept.remove(id);
        }
        return Optional.of(run);
    }
}
