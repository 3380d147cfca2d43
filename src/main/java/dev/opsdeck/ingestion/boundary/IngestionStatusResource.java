package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.ingestion.control.IngestionPipeline;
import dev.opsdeck.ingestion.control.IngestionStatistics;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.util.Map;

@Path("v1/ingestion/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
public class IngestionStatusResource {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Inject
    IngestionPipeline pipeline;

    @GET
    @Operation(summary = "This instance's ingestion figures per stream (the same as /metrics) and the dead letters waiting")
    public String status() throws SQLException {
        JsonObjectBuilder streams = JSON.createObjectBuilder();
        for (Stream stream : Stream.values()) {
            IngestionStatistics.StreamFigures figures = pipeline.statistics().figures(stream);
            JsonObjectBuilder outcomes = JSON.createObjectBuilder();
            for (Outcome outcome : Outcome.values()) {
                outcomes.add(outcome.label().replace('-', '_'), figures.outcomes().get(outcome));
            }
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("outcomes", outcomes)
                    .add("events_per_second_now", figures.eventsPerSecondNow())
                    .add("events_per_second_last_hour", figures.eventsPerSecondLastHour())
                    .add("lag_seconds", figures.lag().toMillis() / 1000.0);
            if (figures.lastEventAt() != null) {
                json.add("last_event_at", figures.lastEventAt().toString());
            } else {
                json.addNull("last_event_at");
            }
            streams.add(stream.label(), json);
        }
        return JSON.createObjectBuilder()
                .add("streams", streams)
                .add("dead_letters_waiting", pipeline.deadLetters().waiting())
                .build().toString();
    }
}
