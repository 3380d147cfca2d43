package dev.opsdeck.console.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP port this Payara Micro listens on (its {@code --port}), asked of Payara Micro itself, whose API the WAR
 * does not compile against; 8080, Payara Micro's default, when it cannot say.
 */
final class HttpPort {

    private static final Logger LOG = Logger.getLogger(HttpPort.class.getName());
    static final int DEFAULT = 8080;

    private HttpPort() {
    }

    static int of() {
        try {
            Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
            Object instance = micro.getMethod("getInstance").invoke(null);
            int port = (int) micro.getMethod("getHttpPort").invoke(instance);
            return port > 0 ? port : DEFAULT;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "Payara Micro does not tell its HTTP port; assuming " + DEFAULT, e);
            return DEFAULT;
        }
    }
}
