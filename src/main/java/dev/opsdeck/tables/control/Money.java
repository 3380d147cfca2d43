package dev.opsdeck.tables.control;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * Integer minor units shown in the currency's own units as {@code major.minor CUR}: {@code 1234.05 EUR},
 * {@code 1500 JPY}, {@code 1.250 KWD}. The number of minor digits is the ISO 4217 one that {@link Currency} knows;
 * a code it does not know (or one without minor units, such as {@code XAU}) is shown with two.
 */
public final class Money {

    static final int FALLBACK_DIGITS = 2;

    private Money() {
    }

    public static String format(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currency)).toPlainString() + " " + currency;
    }

    /** The currency's minor digits (JPY 0, EUR 2, KWD 3), or {@value #FALLBACK_DIGITS} for a code ISO 4217 does not list. */
    public static int fractionDigits(String currency) {
        if (currency == null || currency.isBlank()) {
            return FALLBACK_DIGITS;
        }
        try {
            int digits = Currency.getInstance(currency.trim().toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
            return digits < 0 ? FALLBACK_DIGITS : digits;
        } catch (IllegalArgumentException unknown) {
            return FALLBACK_DIGITS;
        }
    }
}
