package dev.opsdeck.process.boundary;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets the JVM give the heap that the start needed back to the system once the service is idle: turns on G1's
 * periodic collection (JEP 346), a concurrent cycle after this many seconds without any collection, after which G1
 * uncommits what it no longer needs. Under load collections come more often and the periodic one never runs. A JVM
 * option given on the command line ({@code -XX:G1PeriodicGCInterval}) wins; other collectors are left alone.
 */
@Singleton
@Startup
public class IdleMemory {

    static final String KEY = "process.idle-gc-seconds";
    static final String OPTION = "G1PeriodicGCInterval";
    private static final Logger LOG = Logger.getLogger(IdleMemory.class.getName());

    @Inject
    @ConfigProperty(name = KEY, defaultValue = "10")
    long seconds;

    @PostConstruct
    void apply() {
        try {
            String outcome = applyTo(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class), validated(seconds));
            LOG.info(() -> "Idle heap return: " + outcome);
        } catch (InvalidConfigurationException e) {
            throw StartupFailure.stop(e);
        }
    }

    static long validated(long seconds) {
        if (seconds < 0) {
            throw new InvalidConfigurationException(KEY, "must be 0 (off) or more seconds, not " + seconds);
        }
        return seconds;
    }

    static String applyTo(HotSpotDiagnosticMXBean vm, long seconds) {
        if (!g1InUse()) {
            return "not G1, left to the collector";
        }
        VMOption option = vm.getVMOption(OPTION);
        if (option.getOrigin() != VMOption.Origin.DEFAULT && option.getOrigin() != VMOption.Origin.MANAGEMENT) {
            return "-XX:" + OPTION + "=" + option.getValue() + " ms from the JVM's options";
        }
        vm.setVMOption(OPTION, Long.toString(seconds * 1000));
        return seconds == 0 ? "off" : "G1 collects after " + seconds + " s without a collection";
    }

    static boolean g1InUse() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .anyMatch(name -> name.startsWith("G1 "));
    }
}
