package dev.opsdeck.platform.failures;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Test-only, added to the WAR by ErrorPagesIT: a page bean that fails while rendering or in an ajax action. */
@Named
@RequestScoped
public class FailingPage {

    public String getFailure() {
        throw new IllegalStateException(FailingResource.SECRET);
    }

    public void explode() {
        throw new IllegalArgumentException(FailingResource.SECRET);
    }
}
