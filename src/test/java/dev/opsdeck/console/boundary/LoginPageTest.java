package dev.opsdeck.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginPageTest {

    private static String next(String next) {
        LoginPage page = new LoginPage();
        page.setNext(next);
        return page.safeNext();
    }

    @Test
    void goesBackOnlyToAPathInsideTheConsole() {
        assertEquals("/accounts/index.xhtml?status=frozen", next("/accounts/index.xhtml?status=frozen"));
        assertEquals("/", next(null));
        assertEquals("/", next("https://evil.example/"));
        assertEquals("/", next("//evil.example/"));
        assertEquals("/", next("/\\evil.example"));
        assertEquals("/", next("/login.xhtml"));
    }
}
