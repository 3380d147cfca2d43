package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterBodyTest {

    @Test
    void jsonIsPrettyPrinted() {
        DeadLetterBody.Shown shown = DeadLetterBody.show("{\"id\":\"x\",\"n\":[1,2]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(DeadLetterBody.Kind.JSON, shown.kind());
        assertEquals("{\n    \"id\": \"x\",\n    \"n\": [\n        1,\n        2\n    ]\n}", shown.text());
    }

    @Test
    void textThatIsNotJsonIsShownAsIsWithControlsEscaped() {
        DeadLetterBody.Shown shown = DeadLetterBody.show("not json\u0001 é".getBytes(StandardCharsets.UTF_8));
        assertEquals(DeadLetterBody.Kind.TEXT, shown.kind());
        assertEquals("not json\\u0001 é", shown.text());
    }

    @Test
    void bytesThatAreNotUtf8AreEscaped() {
        DeadLetterBody.Shown shown = DeadLetterBody.show(new byte[] {'a', (byte) 0xff, 0, '\\', '\n'});
        assertEquals(DeadLetterBody.Kind.BINARY, shown.kind());
        assertEquals("a\\xff\\x00\\x5c\n", shown.text());
    }

    @Test
    void headersAreReadByName() {
        assertEquals(Map.of("destination", "payments.events", "priority", "4"),
                DeadLetterBody.headers("{\"priority\":4,\"destination\":\"payments.events\"}"));
        assertEquals(Map.of("(unreadable)", "[1]"), DeadLetterBody.headers("[1]"));
    }

    @Test
    void discardReasonMustHaveThreeToFiveHundredCharacters() {
        assertEquals("Say why these dead letters need no replay: 3 to 500 characters", DeadLetterResolutions.reasonProblem("  ab "));
        assertEquals("Say why these dead letters need no replay: 3 to 500 characters", DeadLetterResolutions.reasonProblem("x".repeat(501)));
        assertNull(DeadLetterResolutions.reasonProblem("duplicate of a replayed one"));
    }
}
