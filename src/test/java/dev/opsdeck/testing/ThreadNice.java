package dev.opsdeck.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A thread's OS nice value, from its {@code /proc/<pid>/task/<tid>} directory; Linux only. */
public final class ThreadNice {

    private ThreadNice() {
    }

    /** Field 19 of the thread's stat line, counted after its name in parentheses (which may hold spaces). */
    public static int of(Path thread) throws IOException {
        String stat = Files.readString(thread.resolve("stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
