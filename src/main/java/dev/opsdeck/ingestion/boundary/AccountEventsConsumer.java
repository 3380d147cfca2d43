package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.ingestion.control.IngestionPipeline;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.ingestion.entity.StreamQueues;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Account events from Opsdeck's own durable queue on the accounts service's address. No container
 * transaction: the group-commit writer commits, and the message is acknowledged when onMessage returns.
 * All sessions share one broker connection ({@code singleConnection}): their acknowledgements then queue on
 * one connection instead of waking a broker thread each, which took a fifth of the service's CPU per event.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "opsdeck-broker"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = StreamQueues.ACCOUNTS_DESTINATION),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "singleConnection", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${ENV=INGESTION_CONSUMERS:64}"),
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "${ENV=INGESTION_CONSUMER_WINDOW_BYTES:32768}")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountEventsConsumer implements MessageListener {

    @Inject
    IngestionPipeline pipeline;

    @Override
    public void onMessage(Message message) {
        pipeline.ingest(Stream.ACCOUNTS, message);
    }
}
