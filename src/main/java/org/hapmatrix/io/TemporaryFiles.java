package org.hapmatrix.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary files and folders of a run (output before its rename, export parts, a scratch
 * database). Whatever is still registered when the JVM stops, Ctrl-C included, is deleted.
 */
public final class TemporaryFiles {
    private static final Set<Path> REGISTERED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::deleteAll, "hapmatrix-cleanup"));
    }

    private TemporaryFiles() {
    }

    /** Deletes {@code path} (a file or a folder tree) at exit unless {@link #release} or {@link #delete} came first. */
    public static Path register(Path path) {
        REGISTERED.add(path.toAbsolutePath());
        return path;
    }

    /** Keeps {@code path}: it became a real result (renamed into place). */
    public static void release(Path path) {
        REGISTERED.remove(path.toAbsolutePath());
    }

    /** Deletes {@code path} now, quietly; a folder with all it contains. */
    public static void delete(Path path) {
        REGISTERED.remove(path.toAbsolutePath());
        deleteTree(path);
    }

    private static void deleteAll() {
        REGISTERED.forEach(TemporaryFiles::deleteTree);
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // Best effort: cleanup must never hide the error that made the run stop.
        }
    }
}
