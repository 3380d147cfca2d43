package dev.opsdeck.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void newPasswordsNeedTwelveCharactersAndMayNotBeTheUserName() {
        assertEquals("A password needs at least 12 characters", Passwords.problem("short", "vera"));
        assertEquals("A password may not be blank or the user name", Passwords.problem("vera.the.viewer", "VERA.THE.VIEWER"));
        assertEquals("A password may not be blank or the user name", Passwords.problem("            ", "vera"));
        assertNull(Passwords.problem("correct horse battery", "vera"));
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        String one = Passwords.generate();
        assertEquals(20, one.length());
        assertNull(Passwords.problem(one, "admin"));
        assertNotEquals(one, Passwords.generate());
    }
}
