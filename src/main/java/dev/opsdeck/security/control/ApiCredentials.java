package dev.opsdeck.security.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import dev.opsdeck.security.entity.Caller;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Resolves a bearer credential to a caller: a configured service token first, else a verified JWT. */
@ApplicationScoped
public class ApiCredentials {

    private static final Logger LOG = Logger.getLogger(ApiCredentials.class.getName());
    static final Caller SERVICE = new Caller("service", Set.of(Role.SERVICE));

    @Inject
    @ConfigProperty(name = ServiceTokens.KEY)
    Optional<String> serviceTokens;

    @Inject
    @ConfigProperty(name = JwtVerifier.PUBLIC_KEY)
    Optional<String> publicKey;

    @Inject
    @ConfigProperty(name = JwtVerifier.PUBLIC_KEY_LOCATION)
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = JwtVerifier.ISSUER)
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = JwtVerifier.AUDIENCES)
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    private ServiceTokens tokens;
    private Optional<JwtVerifier> jwt;

    @PostConstruct
    void configure() {
        try {
            tokens = ServiceTokens.parse(serviceTokens.orElse(""));
            jwt = JwtVerifier.configure(publicKey, publicKeyLocation, issuer, audiences, clockSkewSeconds);
        } catch (InvalidConfigurationException e) {
            throw StartupFailure.stop(e);
        }
        LOG.info(() -> "API authentication: " + tokens.count() + " service token(s), JWT "
                + (jwt.isPresent() ? "enabled" : "disabled (no mp.jwt.verify.publickey)"));
    }

    public Optional<Caller> authenticate(String bearer) {
        if (tokens.accepts(bearer)) {
            return Optional.of(SERVICE);
        }
        return jwt.flatMap(verifier -> verifier.verify(bearer));
    }
}
