package dev.opsdeck.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Integration tests deploy the WAR the build produced, not a hand-picked subset of classes. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive opsdeck() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("opsdeck.war")));
    }
}
