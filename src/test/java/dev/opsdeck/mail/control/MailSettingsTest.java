package dev.opsdeck.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.configuration.InvalidConfigurationException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings of(Optional<String> host, int port, Optional<String> user, Optional<String> password,
                                   String startTls, Optional<String> from) {
        return MailSettings.of(host, port, user, password, startTls, Optional.empty(), from, Optional.empty(), Duration.ofSeconds(5));
    }

    @Test
    void withoutAHostMailIsNotConfiguredWhateverElseIsSet() {
        MailSettings settings = of(Optional.empty(), 587, Optional.of("u"), Optional.empty(), "nonsense", Optional.empty());
        assertFalse(settings.configured());
        assertEquals("not configured", settings.toString());
    }

    @Test
    void aWrongSettingIsRefusedNamingItsKey() {
        Optional<String> host = Optional.of("smtp.example.com");
        Optional<String> from = Optional.of("opsdeck@example.com");
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> of(host, 0, Optional.empty(), Optional.empty(),
                "required", from)).getMessage().contains("mail.port"));
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> of(host, 587, Optional.of("u"), Optional.empty(),
                "required", from)).getMessage().contains("mail.password"));
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> of(host, 587, Optional.empty(), Optional.empty(),
                "required", Optional.empty())).getMessage().contains("mail.from"));
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> of(host, 587, Optional.empty(), Optional.empty(),
                "sometimes", from)).getMessage().contains("mail.starttls"));
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> of(host, 587, Optional.empty(), Optional.empty(),
                "required", Optional.of("not an address"))).getMessage().contains("mail.from"));
    }

    @Test
    void thePasswordIsNeverShownAndStartTlsMapsToTheTransportsProperties() {
        MailSettings settings = of(Optional.of("smtp.example.com"), 587, Optional.of("opsdeck"), Optional.of("smtp-secret-0001"),
                "required", Optional.of("opsdeck@example.com"));
        assertFalse(settings.toString().contains("smtp-secret-0001"), settings.toString());
        assertEquals("example.com", settings.domain());
        assertEquals("true", settings.session().getProperty("mail.smtp.starttls.required"));
        assertEquals("true", settings.session().getProperty("mail.smtp.auth"));
    }
}
