package dev.opsdeck.process.boundary;

import dev.opsdeck.process.control.InteractiveFirst;
import dev.opsdeck.process.control.ServedRoles;
import dev.opsdeck.process.entity.InstanceRole;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Every two seconds, lowers the OS priority of the ingestion threads started since (see {@code IngestionNice}); only
 * on an instance with the ingestion role: elsewhere Artemis' threads serve the requests' own messages.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class IngestionNiceTimer {

    private static final long INTERVAL_MS = 2_000;

    @Resource
    TimerService timers;

    @Inject
    InteractiveFirst interactiveFirst;

    @Inject
    ServedRoles served;

    @PostConstruct
    void start() {
        if (!served.has(InstanceRole.INGESTION)) {
            return;
        }
        timers.createIntervalTimer(0, INTERVAL_MS, new TimerConfig(null, false));
    }

    @Timeout
    void lowerNewThreads() {
        interactiveFirst.ingestionNice().lowerNewThreads();
    }
}
