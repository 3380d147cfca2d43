package dev.opsdeck.process.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.opsdeck.configuration.InvalidConfigurationException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleMemoryTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private final String before = vm.getVMOption(IdleMemory.OPTION).getValue();

    @AfterEach
    void restore() {
        vm.setVMOption(IdleMemory.OPTION, before);
    }

    @Test
    void turnsOnG1PeriodicCollectionWithTheConfiguredInterval() {
        assumeTrue(IdleMemory.g1InUse(), "the test JVM runs G1");
        assertEquals("G1 collects after 10 s without a collection", IdleMemory.applyTo(vm, 10));
        assertEquals("10000", vm.getVMOption(IdleMemory.OPTION).getValue());
    }

    @Test
    void zeroTurnsItOff() {
        assumeTrue(IdleMemory.g1InUse(), "the test JVM runs G1");
        IdleMemory.applyTo(vm, 10);
        assertEquals("off", IdleMemory.applyTo(vm, 0));
        assertEquals("0", vm.getVMOption(IdleMemory.OPTION).getValue());
    }

    @Test
    void negativeIntervalIsRefusedNamingTheKey() {
        InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class, () -> IdleMemory.validated(-1));
        assertEquals("Invalid configuration process.idle-gc-seconds: must be 0 (off) or more seconds, not -1", refused.getMessage());
    }
}
