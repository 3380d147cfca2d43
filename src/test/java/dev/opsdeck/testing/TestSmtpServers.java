package dev.opsdeck.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail's SMTP server on the loopback address, given 30 s to start (its default, 2 s, failed on a busy machine). */
public final class TestSmtpServers {

    private static final long STARTUP_TIMEOUT_MS = 30_000;

    private TestSmtpServers() {
    }

    public static GreenMail on(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        return new GreenMail(setup);
    }
}
