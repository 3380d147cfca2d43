package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.ingestion.entity.AccountState;
import dev.opsdeck.ingestion.entity.Event;
import dev.opsdeck.ingestion.entity.PaymentState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventParserTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private final EventParser parser = new EventParser(4096, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1));

    static String account(String payloadFields) {
        return """
                {"id":"5f0c9a52-6f5e-4c1e-9a43-2b8c1f0f7a10","type":"account.updated","source":"accounts",
                 "occurred_at":"2026-11-20T10:15:30.123Z","payload":{%s}}""".formatted(payloadFields);
    }

    static final String ACCOUNT_FIELDS = """
            "account_id":"11111111-1111-1111-1111-111111111111","owner_id":"22222222-2222-2222-2222-222222222222",
            "currency":"EUR","balance_cents":-123405,"status":"active","created_at":"2026-11-01T00:00:00Z",
            "updated_at":"2026-11-20T10:15:30.123Z","version":7""";

    private Event parse(String json) throws MalformedEventException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private String rejection(String json) {
        return assertThrows(MalformedEventException.class, () -> parse(json)).getMessage();
    }

    @Test
    void accountEventCarriesEveryPayloadField() throws Exception {
        Event event = parse(account(ACCOUNT_FIELDS));
        assertEquals(UUID.fromString("5f0c9a52-6f5e-4c1e-9a43-2b8c1f0f7a10"), event.id());
        assertEquals(Instant.parse("2026-11-20T10:15:30.123Z"), event.occurredAt());
        AccountState account = (AccountState) event.state();
        assertEquals(-123405, account.balanceCents());
        assertEquals("EUR", account.currency());
        assertEquals(7L, account.version());
        assertEquals(UUID.fromString("22222222-2222-2222-2222-222222222222"), account.ownerId());
    }

    @Test
    void versionIsOptionalAndOffsetsAreNormalisedToUtc() throws Exception {
        Event event = parse(account(ACCOUNT_FIELDS.replace(",\"version\":7", "")
                .replace("\"updated_at\":\"2026-11-20T10:15:30.123Z\"", "\"updated_at\":\"2026-11-20T11:15:30.123+01:00\"")));
        assertNull(event.state().version());
        assertEquals(Instant.parse("2026-11-20T10:15:30.123Z"), event.state().updatedAt());
    }

    @Test
    void paymentEventIsParsed() throws Exception {
        Event event = parse("""
                {"id":"5f0c9a52-6f5e-4c1e-9a43-2b8c1f0f7a11","type":"payment.created","source":"payments",
                 "occurred_at":"2026-11-20T10:15:30Z","payload":{"payment_id":"33333333-3333-3333-3333-333333333333",
                 "account_id":"11111111-1111-1111-1111-111111111111","amount_cents":995,"currency":"USD",
                 "status":"settled","created_at":"2026-11-20T10:15:30Z","updated_at":"2026-11-20T10:15:30Z"}}""");
        PaymentState payment = (PaymentState) event.state();
        assertEquals(995, payment.amountCents());
        assertEquals("settled", payment.status());
    }

    @Test
    void unknownTypeIsNotAnErrorAndIsNotReadFurther() throws Exception {
        Event event = parse("""
                {"id":"5f0c9a52-6f5e-4c1e-9a43-2b8c1f0f7a12","type":"account.merged","source":"accounts",
                 "occurred_at":"2026-11-20T10:15:30Z","payload":{"anything":1}}""");
        assertFalse(event.known());
    }

    @Test
    void notJsonIsRejected() {
        assertTrue(rejection("hello").startsWith("not JSON"), rejection("hello"));
        assertTrue(rejection("[1,2]").startsWith("not a JSON object"));
    }

    @Test
    void invalidUtf8IsRejected() {
        var failure = assertThrows(MalformedEventException.class, () -> parser.parse(new byte[]{'{', (byte) 0xC3, '}'}));
        assertEquals("not UTF-8 text", failure.getMessage());
    }

    @Test
    void aReplacementCharacterSentAsValidUtf8IsText() throws Exception {
        Event event = parse(account(ACCOUNT_FIELDS).replace("\"source\":\"accounts\"", "\"source\":\"acc\uFFFDounts\""));
        assertEquals("acc\uFFFDounts", event.source());
    }

    @Test
    void missingAndMistypedFieldsAreNamed() {
        assertEquals("payload.balance_cents: missing", rejection(account(ACCOUNT_FIELDS.replace("\"balance_cents\":-123405,", ""))));
        assertEquals("payload.balance_cents: expected an integer, got string",
                rejection(account(ACCOUNT_FIELDS.replace("-123405", "\"-123405\""))));
        assertEquals("payload.balance_cents: not a 64-bit integer: 1.5",
                rejection(account(ACCOUNT_FIELDS.replace("-123405", "1.5"))));
        assertEquals("payload: missing", rejection("""
                {"id":"5f0c9a52-6f5e-4c1e-9a43-2b8c1f0f7a10","type":"account.updated","source":"accounts",
                 "occurred_at":"2026-11-20T10:15:30Z"}"""));
    }

    @Test
    void badUuidCurrencyAndTimestampAreNamed() {
        assertEquals("payload.account_id: not a UUID: 1234",
                rejection(account(ACCOUNT_FIELDS.replace("11111111-1111-1111-1111-111111111111", "1234"))));
        assertEquals("payload.currency: not an ISO 4217 code (3 upper-case letters): eur",
                rejection(account(ACCOUNT_FIELDS.replace("\"EUR\"", "\"eur\""))));
        assertEquals("payload.updated_at: not an RFC 3339 timestamp: yesterday",
                rejection(account(ACCOUNT_FIELDS.replace("\"2026-11-20T10:15:30.123Z\"", "\"yesterday\""))));
    }

    @Test
    void oversizedBodyIsRejectedBeforeParsing() {
        String big = account(ACCOUNT_FIELDS).replace("\"accounts\"", "\"" + "a".repeat(5000) + "\"");
        assertTrue(rejection(big).startsWith("oversized"), rejection(big));
    }

    @Test
    void occurredAtOfTheFarFutureIsRejectedNamingTheBoundEvenForAnUnknownType() {
        String merged = """
                {"id":"5f0c9a52-6f5e-4c1e-9a43-2b8c1f0f7a12","type":"account.merged","source":"accounts",
                 "occurred_at":"+999999999-12-31T23:59:59Z","payload":{}}""";
        assertEquals("occurred_at: more than 86400 s in the future: +999999999-12-31T23:59:59Z", rejection(merged));
        assertEquals("occurred_at: more than 86400 s in the future: 2026-11-21T12:00:00.001Z",
                rejection(account(ACCOUNT_FIELDS).replace("2026-11-20T10:15:30.123Z\",\"payload",
                        "2026-11-21T12:00:00.001Z\",\"payload")));
    }

    @Test
    void payloadTimestampsAreBoundedAsWell() {
        assertEquals("payload.updated_at: more than 86400 s in the future: 9999-12-31T23:59:59Z",
                rejection(account(ACCOUNT_FIELDS.replace("\"2026-11-20T10:15:30.123Z\"", "\"9999-12-31T23:59:59Z\""))));
        assertEquals("payload.created_at: before 1970-01-01T00:00:00Z: 1969-12-31T23:59:59Z",
                rejection(account(ACCOUNT_FIELDS.replace("2026-11-01T00:00:00Z", "1969-12-31T23:59:59Z"))));
        assertEquals("payload.created_at: before 1970-01-01T00:00:00Z: -999999999-01-01T00:00:00Z",
                rejection(account(ACCOUNT_FIELDS.replace("2026-11-01T00:00:00Z", "-999999999-01-01T00:00:00Z"))));
    }

    @Test
    void timestampsAtTheBoundsAreAccepted() throws Exception {
        Event event = parse(account(ACCOUNT_FIELDS.replace("2026-11-01T00:00:00Z", "1970-01-01T00:00:00Z"))
                .replace("2026-11-20T10:15:30.123Z\",\"payload", "2026-11-21T12:00:00Z\",\"payload"));
        assertEquals(Instant.parse("2026-11-21T12:00:00Z"), event.occurredAt());
        assertEquals(Instant.EPOCH, ((AccountState) event.state()).createdAt());
    }

    @Test
    void aNegativeFutureToleranceIsAConfigurationError() {
        var failure = assertThrows(IllegalArgumentException.class,
                () -> new EventParser(4096, Clock.systemUTC(), Duration.ofSeconds(-1)));
        assertTrue(failure.getMessage().startsWith("ingestion.timestamp.future-tolerance-seconds must be 0 to"), failure.getMessage());
    }
}
