package dev.opsdeck.logging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.configuration.InvalidConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void unsetAtATerminalIsPlain() {
        assertEquals("plain", LogFormat.decide(Optional.empty(), true));
    }

    @Test
    void unsetWithoutATerminalIsJson() {
        assertEquals("json", LogFormat.decide(Optional.empty(), false));
        assertEquals("json", LogFormat.decide(Optional.of(" "), false));
    }

    @Test
    void configuredFormatWinsOverTheTerminal() {
        assertEquals("json", LogFormat.decide(Optional.of("json"), true));
        assertEquals("plain", LogFormat.decide(Optional.of("plain"), false));
        assertEquals("plain", LogFormat.decide(Optional.of(" PLAIN "), false));
    }

    @Test
    void unknownFormatNamesTheKeyAndTheValue() {
        var problem = assertThrows(InvalidConfigurationException.class, () -> LogFormat.decide(Optional.of("xml"), true));
        assertTrue(problem.getMessage().contains("log.format (LOG_FORMAT)"), problem.getMessage());
        assertTrue(problem.getMessage().contains("must be json or plain, was xml"), problem.getMessage());
    }
}
