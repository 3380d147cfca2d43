package dev.opsdeck.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
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

    public static String read(String resource) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
