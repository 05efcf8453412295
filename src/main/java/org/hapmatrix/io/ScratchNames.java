package org.hapmatrix.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Names of scratch files and folders that say whose they are: {@code .hm-HOST-PID-START-RANDOM}
 * (host as a short hash, the process id, its start time), so that a later run can recognise one
 * a killed run left behind ({@code kill -9}, a crash, a lost node) and remove it, and never
 * touches one whose owner still runs, nor one from another host sharing the folder.
 */
public final class ScratchNames {
    private static final String HOST = hostTag();
    /** This process's tag. */
    private static final String OWNER = ".hm-" + HOST + "-" + ProcessHandle.current().pid() + "-"
            + startTag(ProcessHandle.current()).orElse("0");
    /** A scratch name anywhere in a file name, capturing host, pid and start tags. */
    private static final Pattern TAG = Pattern.compile("\\.hm-([0-9a-z]+)-(\\d+)-([0-9a-z]+)-[0-9a-z]+");
    /** The only shapes this tool creates: hidden parts and databases being built, scratch folders. */
    private static final Pattern SCRATCH = Pattern.compile(
            "(\\..+" + TAG.pattern() + "\\.(part|building|building\\.wal))|(hapmatrix-[a-z]+" + TAG.pattern() + ")");

    private ScratchNames() {
    }

    /**
     * A folder {@code hapmatrix-PURPOSE.hm-...} in {@code directory}, registered for deletion at
     * exit; stale ones of killed runs there are removed first.
     */
    public static Path createFolder(Path directory, String purpose) throws IOException {
        removeStale(directory);
        Path folder = directory.resolve(unique("hapmatrix-" + purpose, ""));
        TemporaryFiles.register(folder); // before it exists, so Ctrl-C cannot come between
        return Files.createDirectory(folder);
    }

    /** {@code prefix + tag + suffix}, unique for this process: {@code .out.txt.hm-1x2y-4242-kx9-abc.part}. */
    public static String unique(String prefix, String suffix) {
        return prefix + OWNER + "-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + suffix;
    }

    /**
     * Deletes, in {@code directory}, scratch files and folders of this host whose process is gone.
     * Best effort and quiet: a name it cannot parse or delete is left alone.
     */
    public static void removeStale(Path directory) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, ScratchNames::isStale)) {
            for (Path entry : entries) {
                TemporaryFiles.delete(entry);
            }
        } catch (IOException | RuntimeException ignored) {
            // Leftovers of others are not this run's business if the folder cannot be listed.
        }
    }

    static boolean isStale(Path entry) {
        String name = entry.getFileName().toString();
        Matcher whole = SCRATCH.matcher(name);
        if (!whole.matches()) {
            return false;
        }
        Matcher tag = TAG.matcher(name);
        if (!tag.find() || !tag.group(1).equals(HOST)) {
            return false;
        }
        long pid = Long.parseLong(tag.group(2));
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        if (owner.isEmpty()) {
            return true;
        }
        // The pid may have been reused by a later process: then the start time differs.
        Optional<String> start = startTag(owner.get());
        return start.isPresent() && !tag.group(3).equals("0") && !start.get().equals(tag.group(3));
    }

    private static Optional<String> startTag(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).map(millis -> Long.toString(millis, 36));
    }

    private static String hostTag() {
        String host;
        try {
            // Not InetAddress.getLocalHost(): that may wait for DNS.
            host = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            host = String.valueOf(System.getenv("HOSTNAME"));
        }
        CRC32 crc = new CRC32();
        crc.update(host.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue(), 36);
    }
}
