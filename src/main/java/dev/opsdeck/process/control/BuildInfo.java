package dev.opsdeck.process.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version and build time, written into the build by Maven resource filtering. */
public final class BuildInfo {

    public static final String VERSION;
    public static final String BUILD_TIME;

    static {
        Properties build = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream("opsdeck-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VERSION = build.getProperty("version", "unknown");
        BUILD_TIME = build.getProperty("build.time", "unknown");
    }

    private BuildInfo() {
    }
}
