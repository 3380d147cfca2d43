package dev.opsdeck.proxy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind a proxy: the failsafe configuration trusts 127.0.0.1 ({@code HTTP_TRUSTED_PROXIES}), so requests sent from
 * 127.0.0.1 act as the proxy's, and the same requests sent from 127.0.0.2 as a client's that reached the server directly.
 */
@ExtendWith(ArquillianExtension.class)
class ForwardedRequestsIT {

    private static final String PROXY = "127.0.0.1";
    private static final String UNTRUSTED = "127.0.0.2";
    private static final Map<String, String> FORWARDED = Map.of("X-Forwarded-For", "203.0.113.9, 198.51.100.23",
            "X-Forwarded-Proto", "https", "X-Forwarded-Host", "ops.example.com");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck();
    }

    @ArquillianResource
    URL base;

    @Test
    void aTrustedProxysHeadersGiveTheExternalDownloadUrl() throws Exception {
        UUID run = succeededReport();
        JsonObject report = get(PROXY, "api/v1/reports/" + run, FORWARDED).json();
        assertEquals("https://ops.example.com" + contextPath() + "/api/v1/reports/" + run + "/download",
                report.getString("download_url"));

        JsonObject viaForwarded = get(PROXY, "api/v1/reports/" + run,
                Map.of("Forwarded", "for=198.51.100.24;proto=https;host=\"ops.example.com:8443\"")).json();
        assertEquals("https://ops.example.com:8443" + contextPath() + "/api/v1/reports/" + run + "/download",
                viaForwarded.getString("download_url"));
    }

    @Test
    void anUntrustedPeersForwardingHeadersAreIgnored() throws Exception {
        UUID run = succeededReport();
        JsonObject report = get(UNTRUSTED, "api/v1/reports/" + run, FORWARDED).json();
        assertEquals("http://" + base.getHost() + ":" + base.getPort() + contextPath() + "/api/v1/reports/" + run + "/download",
                report.getString("download_url"));
    }

    @Test
    void theAuditLogRecordsTheForwardedClientOnlyFromATrustedProxy() throws Exception {
        UUID viaProxy = UUID.randomUUID();
        UUID direct = UUID.randomUUID();
        assertEquals(404, refundRequest(PROXY, viaProxy).status());
        assertEquals(404, refundRequest(UNTRUSTED, direct).status());
        assertEquals("198.51.100.23", auditedClientAddress(viaProxy));
        assertEquals(UNTRUSTED, auditedClientAddress(direct));
    }

    @Test
    void theLoginRedirectUsesTheExternalOriginOnlyFromATrustedProxy() throws Exception {
        Reply viaProxy = exchange(PROXY, "GET", "accounts/index.xhtml", FORWARDED, null);
        assertEquals(302, viaProxy.status());
        assertTrue(viaProxy.header("Location").startsWith("https://ops.example.com" + contextPath() + "/login.xhtml?next="),
                viaProxy.header("Location"));

        Reply direct = exchange(UNTRUSTED, "GET", "accounts/index.xhtml", FORWARDED, null);
        assertEquals(302, direct.status());
        assertTrue(direct.header("Location").startsWith("http://" + base.getHost() + ":" + base.getPort() + contextPath()
                + "/login.xhtml?next="), direct.header("Location"));
    }

    private UUID succeededReport() throws Exception {
        Reply requested = exchange(PROXY, "POST", "api/v1/reports", Map.of("Authorization", "Bearer " + Tokens.NEW_SERVICE_TOKEN,
                "Content-Type", "application/json"), "{\"report_type\":\"account_balances\",\"format\":\"csv\"}");
        assertEquals(202, requested.status(), requested.body());
        UUID run = UUID.fromString(requested.json().getString("id"));
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            String status = get(PROXY, "api/v1/reports/" + run, Map.of()).json().getString("status");
            if (status.equals("succeeded")) {
                return run;
            }
            assertTrue(status.equals("queued") || status.equals("running"), status);
            Thread.sleep(200);
        }
        throw new AssertionError("report " + run + " did not succeed within 60 s");
    }

    private Reply refundRequest(String from, UUID payment) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(FORWARDED);
        headers.put("Authorization", "Bearer " + Tokens.jwt("olga", List.of("operator")));
        headers.put("Content-Type", "application/json");
        return exchange(from, "POST", "api/v1/payments/" + payment + "/refund-requests", headers, "{\"reason\":\"customer asked\"}");
    }

    private static String auditedClientAddress(UUID target) throws Exception {
        try (Connection db = DriverManager.getConnection(System.getenv("DB_URL"), System.getenv().getOrDefault("DB_USER", "postgres"), "");
             PreparedStatement query = db.prepareStatement("SELECT e.client_address FROM audit_log e JOIN audit_log_target t "
                     + "ON t.entry_id = e.id WHERE t.target_id = ? AND e.action = 'refund.requested'")) {
            query.setString(1, target.toString());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no audit entry for " + target);
                return row.getString(1);
            }
        }
    }

    private Reply get(String from, String path, Map<String, String> headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + Tokens.NEW_SERVICE_TOKEN);
        Reply reply = exchange(from, "GET", path, all, null);
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }

    private String contextPath() {
        String path = base.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** One HTTP/1.0 exchange from a chosen local address, which the JDK's HTTP clients cannot bind to. */
    private Reply exchange(String from, String method, String path, Map<String, String> headers, String body) throws Exception {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(30_000);
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + contextPath() + "/" + path + " HTTP/1.0\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(received);
            return Reply.parse(received.toString(StandardCharsets.UTF_8));
        }
    }

    private record Reply(int status, Map<String, String> headers, String body) {

        static Reply parse(String response) {
            int end = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(end + 4));
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), "");
        }

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }
}
