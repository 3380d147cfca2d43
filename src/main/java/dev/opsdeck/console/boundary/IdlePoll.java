package dev.opsdeck.console.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Ends a page's polling once the page has been open for {@code console.poll.idle-minutes} without the user doing
 * anything that opens a new view, so that an open tab stops keeping its session alive and the idle timeout can end it.
 */
@Named
@ViewScoped
public class IdlePoll implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int idleMinutes = ConfigProvider.getConfig()
            .getOptionalValue("console.poll.idle-minutes", Integer.class).orElse(10);
    private final Instant opened = Instant.now();

    public boolean isSpent() {
        return Duration.between(opened, Instant.now()).toMinutes() >= idleMinutes;
    }

    public int getIdleMinutes() {
        return idleMinutes;
    }
}
