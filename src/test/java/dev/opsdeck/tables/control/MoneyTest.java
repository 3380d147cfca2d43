package dev.opsdeck.tables.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void euroHasTwoMinorDigits() {
        assertEquals("1234.05 EUR", Money.format(123405, "EUR"));
        assertEquals("-0.50 EUR", Money.format(-50, "EUR"));
        assertEquals("0.00 EUR", Money.format(0, "EUR"));
    }

    @Test
    void yenHasNoMinorDigits() {
        assertEquals("1500 JPY", Money.format(1500, "JPY"));
        assertEquals("-7 JPY", Money.format(-7, "JPY"));
        assertEquals("0 JPY", Money.format(0, "JPY"));
    }

    @Test
    void kuwaitiDinarHasThreeMinorDigits() {
        assertEquals("1.250 KWD", Money.format(1250, "KWD"));
        assertEquals("-0.005 KWD", Money.format(-5, "KWD"));
        assertEquals("123456.789 KWD", Money.format(123456789, "KWD"));
    }

    @Test
    void codeIsLookedUpWhateverItsCaseAndPadding() {
        assertEquals(0, Money.fractionDigits("jpy"));
        assertEquals(3, Money.fractionDigits(" KWD "));
    }

    @Test
    void unknownCodeOrOneWithoutMinorUnitsFallsBackToTwoDigits() {
        assertEquals("12.34 ZZZ", Money.format(1234, "ZZZ"));
        assertEquals("12.34 XAU", Money.format(1234, "XAU"));
        assertEquals(2, Money.fractionDigits(""));
        assertEquals(2, Money.fractionDigits(null));
    }

    @Test
    void extremesKeepEveryDigit() {
        assertEquals("-92233720368547758.08 EUR", Money.format(Long.MIN_VALUE, "EUR"));
        assertEquals("9223372036854775807 JPY", Money.format(Long.MAX_VALUE, "JPY"));
    }
}
