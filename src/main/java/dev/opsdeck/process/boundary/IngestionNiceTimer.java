package dev.opsdeck.process.boundary;

import dev.opsdeck.process.control.InteractiveFirst;
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

/** Every two seconds, lowers the OS priority of the ingestion threads started since (see {@code IngestionNice}). */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class IngestionNiceTimer {

    private static final long INTERVAL_MS = 2_000;

    @Resource
    TimerService timers;

    @Inject
    InteractiveFirst interactiveFirst;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(0, INTERVAL_MS, new TimerConfig(null, false));
    }

    @Timeout
    void lowerNewThreads() {
        interactiveFirst.ingestionNice().lowerNewThreads();
    }
}
