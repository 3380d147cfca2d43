package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.DeadLetter;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import java.sql.SQLException;

/** Replays a waiting dead letter after its cause is fixed, or discards it with a reason; both are recorded on it. */
public final class DeadLetterReplay {

    public sealed interface Result permits Replayed, StillMalformed, NotWaiting, TryAgainLater {
    }

    public record Replayed(Outcome outcome) implements Result {
    }

    public record StillMalformed(String reason) implements Result {
    }

    public record NotWaiting() implements Result {
    }

    public record TryAgainLater(String reason) implements Result {
    }

    private DeadLetterReplay() {
    }

    public static Result replay(IngestionPipeline pipeline, DeadLetter letter, String by) throws SQLException {
        if (letter.getState() != DeadLetter.State.WAITING) {
            return new NotWaiting();
        }
        if (!letter.isBodyComplete()) {
            return new StillMalformed("only the first " + letter.getBody().length + " of the body's " + letter.getBodySize()
                    + " bytes were kept: an oversized message cannot be replayed");
        }
        try {
            Outcome outcome = pipeline.ingestion().replay(Stream.of(letter.getStream()), letter.getBody());
            boolean resolved = pipeline.deadLetters().resolve(letter.getId(), "replayed", by, "replayed: " + outcome.label());
            return resolved ? new Replayed(outcome) : new NotWaiting();
        } catch (MalformedEventException e) {
            pipeline.deadLetters().stillFailing(letter.getId(), "malformed: " + e.getMessage());
            return new StillMalformed(e.getMessage());
        } catch (WriteFailure e) {
            if (!e.isTransient()) {
                pipeline.deadLetters().stillFailing(letter.getId(), "rejected by the database: " + e.getMessage());
                return new StillMalformed(e.getMessage());
            }
            return new TryAgainLater(e.getMessage());
        }
    }

    public static boolean discard(IngestionPipeline pipeline, DeadLetter letter, String by, String reason) throws SQLException {
        return letter.getState() == DeadLetter.State.WAITING
                && pipeline.deadLetters().resolve(letter.getId(), "discarded", by, "discarded: " + reason);
    }
}
