package dev.opsdeck.security.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.security.entity.Caller;
import dev.opsdeck.security.entity.Role;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies RS256 JWTs with the MicroProfile JWT keys: {@code mp.jwt.verify.publickey} (PEM or JWK) or
 * {@code mp.jwt.verify.publickey.location} (file, classpath: or https JWKS), {@code mp.jwt.verify.issuer} and
 * optionally {@code mp.jwt.verify.audiences}. Only RS256 is accepted: {@code alg: none} and HMAC tokens are refused.
 */
public final class JwtVerifier {

    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String AUDIENCES = "mp.jwt.verify.audiences";

    private final DefaultJWTProcessor<SecurityContext> processor;

    private JwtVerifier(JWKSource<SecurityContext> keys, String issuer, Set<String> audiences, int clockSkewSeconds) {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        var claims = new DefaultJWTClaimsVerifier<SecurityContext>(audiences.isEmpty() ? null : audiences,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                audiences.isEmpty() ? Set.of("exp", "iat") : Set.of("exp", "iat", "aud"), null);
        claims.setMaxClockSkew(clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
    }

    public static Optional<JwtVerifier> configure(Optional<String> publicKey, Optional<String> location,
                                                  Optional<String> issuer, int clockSkewSeconds) {
        return configure(publicKey, location, issuer, Optional.empty(), clockSkewSeconds);
    }

    /**
     * Empty when no key is configured: then only service tokens are accepted. With audiences (comma-separated), a
     * token must name one of them in {@code aud}.
     */
    public static Optional<JwtVerifier> configure(Optional<String> publicKey, Optional<String> location,
                                                  Optional<String> issuer, Optional<String> audiences,
                                                  int clockSkewSeconds) {
        if (publicKey.isEmpty() && location.isEmpty()) {
            return Optional.empty();
        }
        String requiredIssuer = issuer.filter(value -> !value.isBlank()).orElseThrow(() ->
                new InvalidConfigurationException(ISSUER + " (MP_JWT_VERIFY_ISSUER)",
                        "required when a JWT public key is configured"));
        JWKSource<SecurityContext> keys = publicKey.isPresent()
                ? parseKeys(publicKey.get(), PUBLIC_KEY)
                : loadKeys(location.get());
        Set<String> accepted = audiences.stream().flatMap(list -> java.util.Arrays.stream(list.split(",")))
                .map(String::trim).filter(audience -> !audience.isEmpty()).collect(java.util.stream.Collectors.toSet());
        return Optional.of(new JwtVerifier(keys, requiredIssuer, accepted, clockSkewSeconds));
    }

    /** The caller named by the token, holding those of its groups that are Opsdeck roles; empty when invalid. */
    public Optional<Caller> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            String name = firstNonBlank(claims.getStringClaim("upn"), claims.getStringClaim("preferred_username"),
                    claims.getSubject());
            if (name == null) {
                return Optional.empty();
            }
            Set<String> roles = new HashSet<>();
            List<String> groups = claims.getStringListClaim("groups");
            if (groups != null) {
                groups.stream().filter(Role.FROM_JWT::contains).forEach(roles::add);
            }
            return Optional.of(new Caller(name, Set.copyOf(roles)));
        } catch (Exception invalid) {
            return Optional.empty();
        }
    }

    static RSAPublicKey rsaPublicKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static JWKSource<SecurityContext> loadKeys(String location) {
        try {
            if (location.startsWith("http://")) {
                throw new InvalidConfigurationException(PUBLIC_KEY_LOCATION,
                        "a JWKS URL must use https://, since whoever can change the keys in transit can sign tokens");
            }
            if (location.startsWith("https://")) {
                return JWKSourceBuilder.create(URI.create(location).toURL()).build();
            }
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
                try (InputStream in = JwtVerifier.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new InvalidConfigurationException(PUBLIC_KEY_LOCATION, "no resource " + resource);
                    }
                    return parseKeys(new String(in.readAllBytes(), StandardCharsets.UTF_8), PUBLIC_KEY_LOCATION);
                }
            }
            Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return parseKeys(Files.readString(file), PUBLIC_KEY_LOCATION);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException(PUBLIC_KEY_LOCATION, "cannot read " + location + ": " + e.getMessage());
        }
    }

    private static JWKSource<SecurityContext> parseKeys(String text, String key) {
        String trimmed = text.trim();
        try {
            if (trimmed.startsWith("{")) {
                JWKSet set = trimmed.contains("\"keys\"") ? JWKSet.parse(trimmed) : new JWKSet(JWK.parse(trimmed));
                return new ImmutableJWKSet<>(set);
            }
            return new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder(rsaPublicKey(trimmed)).build()));
        } catch (Exception e) {
            throw new InvalidConfigurationException(key, "not a PEM public key or JWK: " + e.getMessage());
        }
    }

}
