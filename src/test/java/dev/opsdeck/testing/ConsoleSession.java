package dev.opsdeck.testing;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A console session over plain HTTP, as a browser without scripts holds one: the login form posted with its view
 * state, then the JSESSIONID cookie sent on whatever raw path a test asks for (redirects are not followed).
 */
public final class ConsoleSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String sessionId;
    private String lastPage = "";

    public ConsoleSession(URL base) {
        this.base = base.toString().endsWith("/") ? base.toString() : base + "/";
    }

    /** Posts the login form; true when the answer is the redirect of a signed-in session. */
    public boolean login(String username, String password) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "login.xhtml")).GET());
        Matcher state = VIEW_STATE.matcher(page.body());
        if (!state.find()) {
            throw new IllegalStateException("no view state on the login page: " + page.body());
        }
        String form = Map.of("login", "login", "login:username", username, "login:password", password, "login:submit", "",
                        "jakarta.faces.ViewState", state.group(1)).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        lastPage = answer.body();
        return answer.statusCode() == 302 && !answer.headers().firstValue("Location").orElse("").contains("login.xhtml");
    }

    /** The page the last refused login showed. */
    public String lastPage() {
        return lastPage;
    }

    public String sessionId() {
        return sessionId;
    }

    /** GET of a path relative to the application, sent as written (no normalisation by the client). */
    public HttpResponse<String> get(String rawPath) {
        return send(HttpRequest.newBuilder(URI.create(base + rawPath)).GET());
    }

    public HttpResponse<String> post(String rawPath, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + rawPath)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(cookie -> {
                Matcher id = SESSION.matcher(cookie);
                if (id.find()) {
                    sessionId = id.group(1);
                }
            });
            return response;
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + request.build().uri(), e);
        }
    }
}
