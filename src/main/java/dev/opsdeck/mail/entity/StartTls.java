package dev.opsdeck.mail.entity;

/** How the connection to the SMTP server is secured: {@code required} refuses a server that offers no STARTTLS. */
public enum StartTls {
    REQUIRED, OPTIONAL, OFF;

    public static StartTls parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase()) {
            case "required" -> REQUIRED;
            case "optional" -> OPTIONAL;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException("mail.starttls must be required, optional or off, was " + text);
        };
    }
}
