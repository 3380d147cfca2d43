package dev.opsdeck.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import javax.naming.InitialContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a connection to the broker (embedded or external) can be had from the resource adapter's pool. */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

    static final String CONNECTION_FACTORY = "jms/opsdeck";

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("broker").withData("connection_factory", CONNECTION_FACTORY);
        try {
            ConnectionFactory factory = (ConnectionFactory) new InitialContext().lookup(CONNECTION_FACTORY);
            try (JMSContext context = factory.createContext()) {
                context.getMetaData();
                return response.up().withData("connected", true).build();
            }
        } catch (Exception e) {
            return response.down().withData("connected", false).withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
