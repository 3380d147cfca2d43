package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.Event;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import java.util.concurrent.CompletableFuture;

/** One event handed to the {@link ReadModelWriter}, and where its consumer waits for what writing it did. */
record Submission(Stream stream, Event event, CompletableFuture<Outcome> outcome) {
}
