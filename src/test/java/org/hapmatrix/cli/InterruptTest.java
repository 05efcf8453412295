package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped from outside leaves nothing half-made. The command runs in its own JVM reading
 * the matrix from a pipe this test holds open, so it is stopped mid-load at a known point.
 * {@link Process#destroy()} sends SIGTERM, which runs the same shutdown hook as Ctrl-C's SIGINT
 * (a SIGINT cannot be sent portably from Java, and is ignored by JVMs started in the background).
 */
class InterruptTest {
    private static final String HEADER = "CHROM\tPOS\tREF\t1a\t1b\n";

    @TempDir
    Path tmp;

    @Test
    void stoppedLoadLeavesTheDatabaseAsItWas() throws Exception {
        Path db = tmp.resolve("kept.duckdb");
        Path good = Files.writeString(tmp.resolve("good.txt"), HEADER + "1\t10\tA\tA\tC\n");
        assertEquals(0, CliRunner.run("load", good.toString(), "--db", db.toString(), "-q").exitCode());
        byte[] before = Files.readAllBytes(db);
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));

        stopMidLoad(List.of("load", "-", "--db", db.toString(), "--tmp-dir", scratch.toString(), "-q"),
                () -> contains(tmp, ".building"));

        assertArrayEquals(before, Files.readAllBytes(db));
        assertEquals(List.of("good.txt", "kept.duckdb", "scratch"), names(tmp));
        assertEquals(List.of(), names(scratch));
        CliRunner.Result count = CliRunner.run("sql", "--db", db.toString(), "--format", "tsv", "SELECT count(*) AS n FROM matrix");
        assertEquals("n\n1\n", count.out(), count.toString());
    }

    @Test
    void stoppedConvertLeavesNoOutputAndNoScratch() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Path existing = Files.writeString(out.resolve("table.txt"), "an earlier result\n");
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));

        stopMidLoad(List.of("convert", "-", "-o", existing.toString(), "--tmp-dir", scratch.toString(), "-q"),
                () -> containsDeep(scratch, ".building"));

        assertEquals("an earlier result\n", Files.readString(existing));
        assertEquals(List.of("table.txt"), names(out));
        assertEquals(List.of(), names(scratch));
    }

    @Test
    void aKilledRunsScratchIsRemovedByALaterRunAndALiveRunsIsNot() throws Exception {
        Path db = tmp.resolve("kept.duckdb");
        Path good = Files.writeString(tmp.resolve("good.txt"), HEADER + "1\t10\tA\tA\tC\n");
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        List<String> later = List.of("convert", good.toString(), "--db", db.toString(), "--tmp-dir", scratch.toString(),
                "-o", tmp.resolve("out.txt").toString(), "-q");

        Process running = startMidLoad(List.of("load", "-", "--db", db.toString(), "--tmp-dir", scratch.toString(), "-q"),
                () -> contains(tmp, ".building"));
        List<String> runningScratch;
        try {
            runningScratch = names(scratch);
            assertTrue(runningScratch.stream().anyMatch(name -> name.startsWith("hapmatrix-spill.hm-")), runningScratch.toString());
            // Another run while the first still runs: it leaves the first one's files alone.
            assertEquals(0, CliRunner.run(later.toArray(String[]::new)).exitCode());
            assertEquals(runningScratch, names(scratch));
            assertTrue(contains(tmp, ".building"));
        } finally {
            running.destroyForcibly(); // SIGKILL: no shutdown hook, its files stay behind
            assertTrue(running.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(runningScratch, names(scratch));
        assertTrue(contains(tmp, ".building"));

        CliRunner.Result result = CliRunner.run(later.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of(), names(scratch));
        assertEquals(List.of("good.txt", "kept.duckdb", "out.txt", "scratch"), names(tmp));
    }

    /**
     * Issue 21 item 15: a convert killed with SIGKILL leaves its scratch folder (in --tmp-dir) and
     * Arrow's native library (unpacked in java.io.tmpdir), both named with their owner; the next
     * run removes them. Arrow's own {@code jnilib-*.tmp}, which nobody could tell from a live
     * process's, is never made.
     */
    @Test
    void aKilledConvertsScratchFolderAndArrowLibraryAreRemovedByTheNextRun() throws Exception {
        Path matrix = tmp.resolve("m.txt");
        StringBuilder sites = new StringBuilder(HEADER);
        for (int i = 1; i <= 2_000_000; i++) {
            sites.append("1\t").append(i).append("\tA\tC\tN\n");
        }
        Files.writeString(matrix, sites);
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        Path javaTmp = Files.createDirectory(tmp.resolve("java-tmp"));
        List<String> convert = List.of("convert", matrix.toString(), "-o", tmp.resolve("out.txt").toString(),
                "--tmp-dir", scratch.toString(), "-q");

        Process running = new ProcessBuilder(CliRunner.separateJvm(List.of("-Djava.io.tmpdir=" + javaTmp), convert))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(contains(scratch, "hapmatrix-scratch.hm-") && contains(javaTmp, "hapmatrix-jni.hm-"))) {
                assertTrue(running.isAlive(), "the convert ended before it was killed");
                assertTrue(System.nanoTime() < deadline, "the convert did not start within 60 s");
                Thread.sleep(10);
            }
        } finally {
            running.destroyForcibly(); // SIGKILL: no shutdown hook, its files stay behind
            assertTrue(running.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(contains(scratch, "hapmatrix-scratch.hm-"), names(scratch).toString());
        assertTrue(contains(javaTmp, "hapmatrix-jni.hm-"), names(javaTmp).toString());
        assertTrue(names(javaTmp).stream().noneMatch(name -> name.startsWith("jnilib-")), names(javaTmp).toString());

        Path small = Files.writeString(tmp.resolve("small.txt"), HEADER + "1\t10\tA\tA\tC\n");
        Process later = new ProcessBuilder(CliRunner.separateJvm(List.of("-Djava.io.tmpdir=" + javaTmp),
                List.of("convert", small.toString(), "-o", tmp.resolve("out.txt").toString(), "--tmp-dir", scratch.toString(), "-q")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(later.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, later.exitValue());
        assertEquals(List.of(), names(scratch));
        assertEquals(List.of(), names(javaTmp));
        assertEquals(List.of("java-tmp", "m.txt", "out.txt", "scratch", "small.txt"), names(tmp));
    }

    interface Condition {
        boolean holds() throws IOException;
    }

    /** Starts the command, feeds it sites but never the end of input, waits for {@code started}, stops it. */
    private static void stopMidLoad(List<String> args, Condition started) throws Exception {
        Process process = startMidLoad(args, started);
        try {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the command did not stop");
            assertNotEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    /** Starts the command, feeds it sites but never the end of input, and returns once {@code started} holds. */
    private static Process startMidLoad(List<String> args, Condition started) throws Exception {
        Process process = new ProcessBuilder(CliRunner.separateJvm(List.of(), args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // Left open: the command waits for more sites until it is stopped.
            OutputStream stdin = process.getOutputStream();
            StringBuilder sites = new StringBuilder(HEADER);
            for (int i = 1; i <= 20_000; i++) {
                sites.append("1\t").append(i).append("\tA\tC\tN\n");
            }
            stdin.write(sites.toString().getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!started.holds()) {
                assertTrue(process.isAlive(), "the command ended before it was stopped");
                assertTrue(System.nanoTime() < deadline, "the load did not start within 30 s");
                Thread.sleep(20);
            }
            return process;
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static boolean contains(Path folder, String part) throws IOException {
        return names(folder).stream().anyMatch(name -> name.contains(part));
    }

    private static boolean containsDeep(Path folder, String part) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().contains(part));
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
