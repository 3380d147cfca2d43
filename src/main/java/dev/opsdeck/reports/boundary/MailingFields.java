package dev.opsdeck.reports.boundary;

import dev.opsdeck.reports.control.ReportRecipients;
import dev.opsdeck.reports.entity.Delivery;
import dev.opsdeck.reports.entity.ReportConfiguration;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** The report form's mail fields: recipients as one line of addresses, and attachment or link. */
public class MailingFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String recipients;
    private String delivery = Delivery.ATTACHMENT.label();

    void clear() {
        recipients = null;
        delivery = Delivery.ATTACHMENT.label();
    }

    void load(ReportConfiguration configuration) {
        recipients = String.join(", ", configuration.getRecipients());
        delivery = configuration.getDelivery();
    }

    /** Adds the fields as the API takes them; an address that is wrong fails here, named as the recipients field. */
    void addTo(JsonObjectBuilder body) {
        JsonProvider json = JsonProvider.provider();
        body.add("recipients", json.createArrayBuilder(ReportRecipients.parse(recipients)));
        body.add("delivery", delivery);
    }

    public List<String> getDeliveries() {
        return Arrays.stream(Delivery.values()).map(Delivery::label).toList();
    }

    public String getRecipients() {
        return recipients;
    }

    public void setRecipients(String recipients) {
        this.recipients = recipients;
    }

    public String getDelivery() {
        return delivery;
    }

    public void setDelivery(String delivery) {
        this.delivery = delivery;
    }
}
