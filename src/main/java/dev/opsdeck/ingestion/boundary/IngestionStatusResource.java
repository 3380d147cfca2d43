package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.ingestion.control.Fleet;
import dev.opsdeck.ingestion.control.FleetFigures;
import dev.opsdeck.ingestion.control.IngestionPipeline;
import dev.opsdeck.ingestion.control.IngestionStatistics;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("v1/ingestion/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
public class IngestionStatusResource {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Inject
    IngestionPipeline pipeline;

    @Inject
    Fleet fleet;

    @GET
    @Operation(summary = "The fleet's ingestion figures per stream (summed over live instances), each instance's figures "
            + "with its last heartbeat, and the dead letters waiting")
    public String status() throws SQLException {
        FleetFigures figures = fleet.figures();
        JsonArrayBuilder instances = JSON.createArrayBuilder();
        for (FleetFigures.InstanceFigures instance : figures.instances()) {
            instances.add(JSON.createObjectBuilder()
                    .add("name", instance.name())
                    .add("version", instance.version())
                    .add("roles", instance.roles())
                    .add("state", instance.state().label())
                    .add("started_at", instance.startedAt().toString())
                    .add("heartbeat_at", instance.heartbeatAt().toString())
                    .add("streams", streams(instance.streams())));
        }
        return JSON.createObjectBuilder()
                .add("streams", streams(figures.totals()))
                .add("dead_letters_waiting", pipeline.deadLetters().waiting())
                .add("served_by", fleet.instanceName())
                .add("live_instances", figures.live())
                .add("instances", instances)
                .build().toString();
    }

    private static JsonObjectBuilder streams(Map<Stream, IngestionStatistics.StreamFigures> perStream) {
        JsonObjectBuilder streams = JSON.createObjectBuilder();
        for (Stream stream : Stream.values()) {
            IngestionStatistics.StreamFigures figures = perStream.get(stream);
            JsonObjectBuilder outcomes = JSON.createObjectBuilder();
            for (Outcome outcome : Outcome.values()) {
                outcomes.add(outcome.label().replace('-', '_'), figures.outcomes().getOrDefault(outcome, 0L));
            }
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("outcomes", outcomes)
                    .add("events_per_second_now", figures.eventsPerSecondNow())
                    .add("events_per_second_last_hour", figures.eventsPerSecondLastHour())
                    .add("lag_seconds", figures.lag().toMillis() / 1000.0);
            Instant lastEventAt = figures.lastEventAt();
            if (lastEventAt != null) {
                json.add("last_event_at", lastEventAt.toString());
            } else {
                json.addNull("last_event_at");
            }
            streams.add(stream.label(), json);
        }
        return streams;
    }
}
