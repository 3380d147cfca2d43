package dev.opsdeck.ingestion.control;

import dev.opsdeck.audit.control.AuditTrail;
import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.ingestion.entity.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays or discards dead letters one by one for the console (and audits the API's), each with its own result, and audits what was done:
 * one audit entry per outcome (succeeded, failed) naming the dead letters it concerns.
 */
@ApplicationScoped
public class DeadLetterResolutions {

    public static final String REPLAYED = "dead-letter.replayed";
    public static final String DISCARDED = "dead-letter.discarded";
    public static final int MIN_REASON = 3;
    public static final int MAX_REASON = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    IngestionPipeline pipeline;

    @Inject
    AuditTrail audit;

    /** What became of one dead letter; {@code resolved} is true when it left the waiting state by this action. */
    public record Result(long id, boolean resolved, String message) implements Serializable {

        public long getId() {
            return id;
        }

        public boolean isResolved() {
            return resolved;
        }

        public String getMessage() {
            return message;
        }
    }

    /** What is wrong with a discard reason, or null when it may be used. */
    public static String reasonProblem(String reason) {
        String trimmed = reason == null ? "" : reason.trim();
        if (trimmed.length() < MIN_REASON || trimmed.length() > MAX_REASON) {
            return "Say why these dead letters need no replay: " + MIN_REASON + " to " + MAX_REASON + " characters";
        }
        return null;
    }

    public List<Result> replay(List<Long> ids, String actor, String clientAddress) {
        List<Result> results = new ArrayList<>();
        for (long id : ids) {
            results.add(replayOne(id, actor));
        }
        audit(REPLAYED, results, actor, clientAddress, null);
        return results;
    }

    private Result replayOne(long id, String actor) {
        DeadLetter letter = em.find(DeadLetter.class, id);
        if (letter == null) {
            return new Result(id, false, "no such dead letter");
        }
        try {
            DeadLetterReplay.Result result = DeadLetterReplay.replay(pipeline, letter, actor);
            if (result instanceof DeadLetterReplay.Replayed replayed) {
                return new Result(id, true, "replayed: " + replayed.outcome().label());
            }
            if (result instanceof DeadLetterReplay.StillMalformed malformed) {
                return new Result(id, false, "still failing: " + malformed.reason());
            }
            if (result instanceof DeadLetterReplay.TryAgainLater later) {
                return new Result(id, false, "not replayed, try again later: " + later.reason());
            }
            return alreadyResolved(letter);
        } catch (SQLException e) {
            return new Result(id, false, "not replayed, the database failed: " + e.getMessage());
        }
    }

    public List<Result> discard(List<Long> ids, String reason, String actor, String clientAddress) {
        String problem = reasonProblem(reason);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String why = reason.trim();
        List<Result> results = new ArrayList<>();
        for (long id : ids) {
            DeadLetter letter = em.find(DeadLetter.class, id);
            try {
                if (letter == null) {
                    results.add(new Result(id, false, "no such dead letter"));
                } else if (DeadLetterReplay.discard(pipeline, letter, actor, why)) {
                    results.add(new Result(id, true, "discarded"));
                } else {
                    results.add(alreadyResolved(letter));
                }
            } catch (SQLException e) {
                results.add(new Result(id, false, "not discarded, the database failed: " + e.getMessage()));
            }
        }
        audit(DISCARDED, results, actor, clientAddress, "reason: " + why);
        return results;
    }

    private static Result alreadyResolved(DeadLetter letter) {
        return new Result(letter.getId(), false, letter.getState() == DeadLetter.State.WAITING ? "already resolved"
                : "already resolved (" + letter.getState().name().toLowerCase() + ")");
    }

    /** Audits one resolution the API made, as the console's are audited. */
    public void record(String action, Result result, String actor, String clientAddress, String prefix) {
        audit(action, List.of(result), actor, clientAddress, prefix);
    }

    /** Audits an attempt by a caller who may not resolve dead letters; nothing else happens. */
    public void refused(String action, List<Long> ids, String actor, String clientAddress, String why) {
        audit.record(AuditRecord.of(actor, clientAddress, action, "refused").on("dead-letter", strings(ids)).details(why));
    }

    private void audit(String action, List<Result> results, String actor, String clientAddress, String prefix) {
        Map<String, List<Result>> byOutcome = new LinkedHashMap<>();
        for (Result result : results) {
            byOutcome.computeIfAbsent(result.resolved() ? "succeeded" : "failed", key -> new ArrayList<>()).add(result);
        }
        byOutcome.forEach((outcome, group) -> {
            StringBuilder details = new StringBuilder(prefix == null ? "" : prefix + "; ");
            group.forEach(result -> details.append(result.id()).append(": ").append(result.message()).append("; "));
            audit.record(AuditRecord.of(actor, clientAddress, action, outcome)
                    .on("dead-letter", strings(group.stream().map(Result::id).toList()))
                    .details(details.substring(0, details.length() - 2)));
        });
    }

    private static List<String> strings(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }
}
