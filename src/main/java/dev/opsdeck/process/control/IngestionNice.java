package dev.opsdeck.process.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Has the kernel run console and API threads before ingestion's: ingestion's threads get a higher nice value, so
 * while requests and ingestion both want a core the requests get it, and ingestion still has every cycle they leave
 * (alone, it drains as fast as before). Ingestion's threads are the read model writers ({@code ingestion-…}) and
 * Artemis' threads, which deliver the events to the consumers and, with the embedded broker, run the broker;
 * Artemis names its threads {@code Thread-N (pool)}. Each look at {@code /proc/self/task} lowers, with one
 * {@code renice}, the ingestion threads it sees for the second time under the same name; threads they start inherit
 * the value. Linux only: elsewhere, or when {@code renice} fails, ingestion keeps the normal priority, and
 * {@link #state()} says why.
 */
public class IngestionNice {

    public static final String KEY = "ingestion.nice";
    public static final String THREAD_PREFIX = "ingestion-";
    private static final Logger LOG = Logger.getLogger(IngestionNice.class.getName());
    private static final Pattern ARTEMIS_THREAD = Pattern.compile("Thread-\\d+ \\(");

    private final int nice;
    private final Path tasks;
    private final Map<String, String> nameAtLastLook = new HashMap<>();
    private final Set<String> settled = new HashSet<>();
    private int lowered;
    private volatile String off;

    /** {@code tasks}: the process's threads, {@code /proc/self/task} on Linux. */
    public IngestionNice(int nice, Path tasks) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException(KEY + " must be 0 (off) to 19, was " + nice);
        }
        this.nice = nice;
        this.tasks = tasks;
        this.off = nice == 0 ? "off (" + KEY + " is 0)" : null;
    }

    public static IngestionNice onThisProcess(int nice) {
        return new IngestionNice(nice, Path.of("/proc/self/task"));
    }

    /** Whether a thread, by the name the OS has for it (the first 15 characters of the Java name), is ingestion's. */
    static boolean isIngestion(String osName) {
        return osName.startsWith(THREAD_PREFIX) || ARTEMIS_THREAD.matcher(osName).lookingAt();
    }

    /** Lowers the ingestion threads started since the call before the last one; returns how many. */
    public synchronized int lowerNewThreads() {
        if (off != null) {
            return 0;
        }
        List<String> fresh;
        try {
            fresh = freshIngestionThreads();
        } catch (NoSuchFileException e) {
            turnOff(tasks + " is missing (not Linux)");
            return 0;
        } catch (IOException | UncheckedIOException e) {
            turnOff("cannot read " + tasks + ": " + e);
            return 0;
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        command.addAll(fresh);
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                turnOff("renice did not finish within 10 s");
                return 0;
            }
            // a thread that ended since the look is no failure
            String failures = output.lines().filter(line -> !line.contains("No such process")).collect(Collectors.joining("; "));
            if (renice.exitValue() != 0 && !failures.isBlank()) {
                turnOff("renice failed: " + failures);
                return 0;
            }
        } catch (IOException e) {
            turnOff("cannot run renice (" + e.getMessage() + ")");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        lowered += fresh.size();
        return fresh.size();
    }

    /**
     * The ingestion threads whose name has settled since the last look. A new thread starts with the OS name of the
     * thread that created it until the JVM gives it its own, so a name counts once two looks have seen it.
     */
    private List<String> freshIngestionThreads() throws IOException {
        List<String> fresh = new ArrayList<>();
        Set<String> present = new HashSet<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String tid = thread.getFileName().toString();
                present.add(tid);
                if (settled.contains(tid)) {
                    continue;
                }
                String name;
                try {
                    name = Files.readString(thread.resolve("comm"), StandardCharsets.UTF_8).strip();
                } catch (NoSuchFileException ended) {
                    continue;
                }
                if (!name.equals(nameAtLastLook.put(tid, name))) {
                    continue;
                }
                nameAtLastLook.remove(tid);
                settled.add(tid);
                if (isIngestion(name)) {
                    fresh.add(tid);
                }
            }
        }
        // the kernel reuses the ids of ended threads
        settled.retainAll(present);
        nameAtLastLook.keySet().retainAll(present);
        return fresh;
    }

    private void turnOff(String why) {
        off = "off: " + why;
        LOG.warning(() -> "Ingestion threads keep the normal OS priority, " + off + "; set " + KEY + "=0 to say so");
    }

    /** One line for the dashboard, e.g. "nice 19 (412 threads lowered so far)". */
    public synchronized String state() {
        return off != null ? off : "nice " + nice + " (" + lowered + " threads lowered so far)";
    }
}
