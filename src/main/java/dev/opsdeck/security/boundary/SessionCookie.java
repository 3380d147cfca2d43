package dev.opsdeck.security.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's session cookie: not readable by scripts, not sent along with requests other sites start
 * ({@code SameSite=Lax}, set in glassfish-web.xml, the one place Payara reads it from), and {@code Secure} when
 * {@code console.session.cookie.secure} is true (the default under the {@code prod} profile). Left false, Payara
 * still marks it Secure when the request that opened the session came over TLS.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    static final String SECURE_KEY = "console.session.cookie.secure";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        boolean secure = ConfigProvider.getConfig().getOptionalValue(SECURE_KEY, Boolean.class).orElse(false);
        if (secure) {
            cookie.setSecure(true);
        }
    }
}
