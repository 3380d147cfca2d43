package dev.opsdeck.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs JWTs as the test identity provider does, with the key pair under src/test/resources/jwt. */
public final class Tokens {

    public static final String ISSUER = "https://issuer.opsdeck.test";
    public static final String OLD_SERVICE_TOKEN = "it-old-service-token-0001";
    public static final String NEW_SERVICE_TOKEN = "it-new-service-token-0002";

    private Tokens() {
    }

    public static String jwt(String user, List<String> groups) {
        return sign("jwt/private.pem", ISSUER, user, groups, Instant.now().plus(Duration.ofMinutes(5)));
    }

    public static String sign(String privateKeyResource, String issuer, String user, List<String> groups, Instant expires) {
        try {
            String base64 = read(privateKeyResource).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(user)
                    .claim("upn", user)
                    .claim("groups", groups)
                    .issueTime(Date.from(Instant.now().minusSeconds(1)))
                    .expirationTime(Date.from(expires))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token as an RS256 one would read, signed with the given audience. */
    public static String withAudience(String user, List<String> groups, String audience) {
        try {
            String base64 = read("jwt/private.pem").replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    new JWTClaimsSet.Builder(claims(user, groups)).audience(audience).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a valid token with {@code alg: none} and no signature. */
    public static String unsigned(String user, List<String> groups) {
        return new PlainJWT(claims(user, groups)).serialize();
    }

    /** The claims of a valid token signed with HS256, using the RSA public key's text as the HMAC secret. */
    public static String hs256(String user, List<String> groups) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(user, groups));
            jwt.sign(new MACSigner(read("jwt/public.pem").getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String user, List<String> groups) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(user).claim("upn", user).claim("groups", groups)
                .issueTime(Date.from(Instant.now().minusSeconds(1)))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build();
    }

    public static String read(String resource) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
