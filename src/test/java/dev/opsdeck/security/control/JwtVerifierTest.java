package dev.opsdeck.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.security.entity.Caller;
import dev.opsdeck.testing.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private final JwtVerifier verifier = JwtVerifier.configure(Optional.of(Tokens.read("jwt/public.pem")),
            Optional.empty(), Optional.of(Tokens.ISSUER), 60).orElseThrow();

    @Test
    void groupsThatAreOpsdeckRolesBecomeRoles() {
        Caller caller = verifier.verify(Tokens.jwt("olga", List.of("operator", "hr", "viewer"))).orElseThrow();
        assertEquals("olga", caller.name());
        assertEquals(Set.of("operator", "viewer"), caller.roles());
    }

    @Test
    void tokenWithoutOpsdeckGroupsAuthenticatesWithNoRole() {
        assertEquals(Set.of(), verifier.verify(Tokens.jwt("audrey", List.of("auditor"))).orElseThrow().roles());
    }

    @Test
    void expiredWrongIssuerForgedAndGarbageAreRefused() {
        Instant later = Instant.now().plusSeconds(300);
        assertTrue(verifier.verify(Tokens.sign("jwt/private.pem", Tokens.ISSUER, "a", List.of("admin"),
                Instant.now().minusSeconds(600))).isEmpty());
        assertTrue(verifier.verify(Tokens.sign("jwt/private.pem", "https://other", "a", List.of("admin"), later)).isEmpty());
        assertTrue(verifier.verify(Tokens.sign("jwt/stranger-private.pem", Tokens.ISSUER, "a", List.of("admin"), later)).isEmpty());
        assertTrue(verifier.verify("not-a-jwt").isEmpty());
    }

    @Test
    void keyWithoutIssuerIsAConfigurationError() {
        var failure = assertThrows(InvalidConfigurationException.class, () -> JwtVerifier.configure(
                Optional.of(Tokens.read("jwt/public.pem")), Optional.empty(), Optional.empty(), 60));
        assertTrue(failure.getMessage().contains("mp.jwt.verify.issuer"), failure.getMessage());
    }

    @Test
    void noKeyMeansNoJwt() {
        assertTrue(JwtVerifier.configure(Optional.empty(), Optional.empty(), Optional.empty(), 60).isEmpty());
    }

    @Test
    void unreadableKeyLocationNamesTheKey() {
        var failure = assertThrows(InvalidConfigurationException.class, () -> JwtVerifier.configure(
                Optional.empty(), Optional.of("/nonexistent/key.pem"), Optional.of(Tokens.ISSUER), 60));
        assertTrue(failure.getMessage().contains("mp.jwt.verify.publickey.location"), failure.getMessage());
    }

    @Test
    void unsignedAndHmacSignedTokensAreRefused() {
        assertTrue(verifier.verify(Tokens.unsigned("mallory", List.of("admin"))).isEmpty());
        assertTrue(verifier.verify(Tokens.hs256("mallory", List.of("admin"))).isEmpty());
    }

    @Test
    void configuredAudienceMustBeNamedByTheToken() {
        JwtVerifier audienced = JwtVerifier.configure(Optional.of(Tokens.read("jwt/public.pem")), Optional.empty(),
                Optional.of(Tokens.ISSUER), Optional.of("opsdeck, opsdeck-staging"), 60).orElseThrow();
        assertEquals("ann", audienced.verify(Tokens.withAudience("ann", List.of("viewer"), "opsdeck")).orElseThrow().name());
        assertTrue(audienced.verify(Tokens.withAudience("ann", List.of("viewer"), "billing")).isEmpty());
        assertTrue(audienced.verify(Tokens.jwt("ann", List.of("viewer"))).isEmpty(), "a token without aud");
    }

    @Test
    void jwksOverPlainHttpIsAConfigurationError() {
        var failure = assertThrows(InvalidConfigurationException.class, () -> JwtVerifier.configure(
                Optional.empty(), Optional.of("http://idp.example/jwks.json"), Optional.of(Tokens.ISSUER), 60));
        assertTrue(failure.getMessage().contains("https://"), failure.getMessage());
    }
}
