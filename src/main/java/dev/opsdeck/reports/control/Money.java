package dev.opsdeck.reports.control;

/** Integer cents shown as {@code major.minor CUR}, e.g. {@code 1234.05 EUR} or {@code -0.50 USD}. */
public final class Money {

    private Money() {
    }

    public static String format(long cents, String currency) {
        String sign = cents < 0 ? "-" : "";
        long magnitude = Math.abs(cents);
        if (cents == Long.MIN_VALUE) {
            return "-92233720368547758.08 " + currency;
        }
        return "%s%d.%02d %s".formatted(sign, magnitude / 100, magnitude % 100, currency);
    }
}
