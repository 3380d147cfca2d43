package dev.opsdeck.proxy.boundary;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import dev.opsdeck.proxy.control.ForwardedHeaders;
import dev.opsdeck.proxy.control.TrustedProxies;
import dev.opsdeck.proxy.entity.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A request's origin as the client saw it, worked out once per request. Static, because the authentication
 * mechanism, which audits logins, runs before any servlet filter and outside a request-scoped bean's reach.
 */
@ApplicationScoped
public class ExternalOrigin {

    private static final String ATTRIBUTE = ExternalOrigin.class.getName();
    private static volatile Parsed parsed = new Parsed("", TrustedProxies.NONE);

    void checkConfigurationAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            trusted();
        } catch (InvalidConfigurationException e) {
            throw StartupFailure.stop(e);
        }
    }

    public static RequestOrigin of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof RequestOrigin origin) {
            return origin;
        }
        RequestOrigin direct = new RequestOrigin(request.getRemoteAddr(), request.getScheme(), request.getServerName(),
                request.getServerPort());
        RequestOrigin origin = ForwardedHeaders.resolve(direct, name -> headers(request, name), trusted());
        request.setAttribute(ATTRIBUTE, origin);
        return origin;
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        var values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    /** The configured list, parsed again only when its text changes (one deployment per JVM in production). */
    static TrustedProxies trusted() {
        String list = ConfigProvider.getConfig().getOptionalValue(TrustedProxies.KEY, String.class).orElse("");
        Parsed current = parsed;
        if (!current.list().equals(list)) {
            current = new Parsed(list, TrustedProxies.parse(list));
            parsed = current;
        }
        return current.proxies();
    }

    private record Parsed(String list, TrustedProxies proxies) {
    }
}
