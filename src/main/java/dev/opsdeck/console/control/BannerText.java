package dev.opsdeck.console.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few lines Opsdeck prints once it is ready: where to go, how to log in, and what it runs on. */
public record BannerText(String consoleUrl, String adminUser, boolean firstStart, Optional<String> generatedPassword,
                         boolean demo, Path dataDirectory, String broker) {

    private static final String RULE = "-".repeat(72);

    public String text() {
        List<String> lines = new ArrayList<>();
        lines.add(RULE);
        lines.add("Opsdeck is ready");
        lines.add(row("Console", consoleUrl));
        lines.add(row("API docs", consoleUrl + "api-docs/"));
        lines.add(row("Log in", login()));
        lines.add(row("Demo mode", demo ? "on: the Go services are simulated, with background traffic" : "off"));
        lines.add(row("Data", dataDirectory.toString()));
        lines.add(row("Broker", broker));
        lines.add(RULE);
        return String.join(System.lineSeparator(), lines);
    }

    private String login() {
        if (generatedPassword.isPresent()) {
            return adminUser + " / " + generatedPassword.get()
                    + "   (generated on this first start and shown only now: change it after logging in)";
        }
        if (firstStart) {
            return adminUser + ", with the password from OPSDECK_ADMIN_PASSWORD";
        }
        return adminUser + ", with the password it was given (users are under Users)";
    }

    private static String row(String label, String value) {
        return "  %-10s %s".formatted(label, value);
    }

    /** The broker as an operator names it: {@code BROKER_URL} without any query (which may hold credentials), or the embedded acceptor. */
    public static String broker(Optional<String> url, String embeddedHost, int embeddedPort) {
        return url.filter(u -> !u.isBlank())
                .map(u -> "BROKER_URL " + u.replaceAll("\\?[^,]*", "").replaceAll("//[^/@,]*@", "//"))
                .orElse("embedded, " + embeddedHost + ":" + embeddedPort);
    }
}
