package dev.opsdeck.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRecipientsTest {

    @Test
    void plainAddressesAreKeptOnceInOrder() {
        assertEquals(List.of("ops@example.com", "finance@example.com"),
                ReportRecipients.parse("ops@example.com, finance@example.com;ops@example.com"));
        assertEquals(List.of("ops@example.com"), ReportRecipients.parse(Json.createArrayBuilder().add("ops@example.com").build()));
        assertEquals(List.of(), ReportRecipients.parse((JsonValue) null));
        assertEquals(List.of(), ReportRecipients.parse(" "));
    }

    @Test
    void aWrongAddressIsRefusedNamingTheFieldAndTheAddress() {
        for (String wrong : List.of("not-an-address", "Ops <ops@example.com>", "a@b@c", "ops@")) {
            InvalidReportException refused = assertThrows(InvalidReportException.class,
                    () -> ReportRecipients.parse(Json.createArrayBuilder().add(wrong).build()), wrong);
            assertEquals("recipients", refused.field());
        }
        InvalidReportException refused = assertThrows(InvalidReportException.class,
                () -> ReportRecipients.parse("ops@example.com, nonsense"));
        assertTrue(refused.getMessage().contains("nonsense"), refused.getMessage());
        assertThrows(InvalidReportException.class, () -> ReportRecipients.parse(Json.createValue("ops@example.com")));
    }
}
