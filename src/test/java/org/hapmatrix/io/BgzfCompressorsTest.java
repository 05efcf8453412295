package org.hapmatrix.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BGZF through GKL: used where its library loads, standard BGZF for htslib and for htsjdk's own
 * zlib reader, and switched off by HAPMATRIX_GKL=off with the same content; its unpacked library
 * leaves nothing behind.
 */
class BgzfCompressorsTest {
    @TempDir
    Path tmp;

    @Test
    void gklIsUsedOnLinuxX86() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch")), "GKL ships x86-64 libraries only");
        assertTrue(BgzfCompressors.usingGkl(), "GKL's compression library did not load");
    }

    @Test
    void blocksWrittenAreStandardBgzfForHtslibAndForJavasZlib() throws IOException {
        byte[] text = MatrixGenerator.seedShaped(7, 60_000).toText(true).getBytes(StandardCharsets.UTF_8);
        assertTrue(text.length > 10 * 65536, "spans many blocks");
        Path file = tmp.resolve("m.tsv.gz");
        try (BlockCompressedOutputStream out = BgzfCompressors.writer(Files.newOutputStream(file), 1)) {
            out.write(text, 0, 1000); // writes of several sizes, across block ends
            out.write(text, 1000, text.length - 1000);
        }

        ExternalTool.succeed(tmp, "bgzip", "-t", file.toString());
        ExternalTool.succeed(tmp, "bgzip", "-dkf", file.toString());
        assertArrayEquals(text, Files.readAllBytes(tmp.resolve("m.tsv")));
        try (InputStream javaZlib = new BlockCompressedInputStream(file.toFile())) {
            assertArrayEquals(text, javaZlib.readAllBytes());
        }
        try (InputStream ours = BgzfCompressors.reader(file.toFile())) {
            assertArrayEquals(text, ours.readAllBytes());
        }
    }

    @Test
    void readsWhatHtslibWrote() throws IOException {
        Path plain = tmp.resolve("h.tsv");
        MatrixGenerator.seedShaped(8, 30_000).writeTo(plain, true);
        ExternalTool.succeed(tmp, "bgzip", "-kf", plain.toString());
        try (InputStream in = BgzfCompressors.reader(Files.newInputStream(tmp.resolve("h.tsv.gz")), false)) {
            assertArrayEquals(Files.readAllBytes(plain), in.readAllBytes());
        }
    }

    @Test
    void switchedOffWritesTheSameContentWithJavasZlib() throws Exception {
        Path matrix = tmp.resolve("m.tsv");
        MatrixGenerator.seedShaped(9, 40_000).writeTo(matrix, true);
        Path withGkl = tmp.resolve("gkl.vcf.gz");
        Path withJava = tmp.resolve("java.vcf.gz");
        assertEquals(0, CliRunner.run("convert", matrix.toString(), "-o", withGkl.toString(), "-q").exitCode());
        Run off = start(List.of(), Map.of(BgzfCompressors.SWITCH, "off"),
                List.of("convert", matrix.toString(), "-o", withJava.toString(), "-q"));
        assertEquals(new Run(0, ""), off);

        assertEquals(body(withGkl), body(withJava));
        if (BgzfCompressors.usingGkl()) {
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(withGkl), Files.readAllBytes(withJava)),
                    "the switch did not change the compressor");
        }
        ExternalTool.succeed(tmp, "bcftools", "view", "-H", "-r", "2", withJava.toString());
    }

    @Test
    void theUnpackedLibraryIsGoneAfterTheRun() throws Exception {
        Path javaTmp = Files.createDirectory(tmp.resolve("java-tmp"));
        Path matrix = tmp.resolve("m.tsv");
        MatrixGenerator.seedShaped(10, 5_000).writeTo(matrix, true);
        ExternalTool.succeed(tmp, "bgzip", "-kf", matrix.toString());

        Run run = start(List.of("-Djava.io.tmpdir=" + javaTmp), Map.of(),
                List.of("convert", matrix + ".gz", "-o", tmp.resolve("out.vcf.gz").toString(), "-q"));
        assertEquals(new Run(0, ""), run, "exit 0 and, quiet, nothing printed");
        try (Stream<Path> left = Files.list(javaTmp)) {
            assertEquals(List.of(), left.toList());
        }
    }

    /** A run in a JVM of its own: its exit code and what it printed. */
    private record Run(int exitCode, String printed) {
    }

    private Run start(List<String> jvmOptions, Map<String, String> environment, List<String> args)
            throws IOException, InterruptedException {
        Path printed = Files.createTempFile(tmp, "printed", ".txt");
        ProcessBuilder builder = new ProcessBuilder(CliRunner.separateJvm(jvmOptions, args))
                .redirectErrorStream(true).redirectOutput(printed.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hapmatrix did not finish in 300 s: " + args);
        }
        return new Run(process.exitValue(), Files.readString(printed));
    }

    /** The decompressed records, without the header's command line (it names the output). */
    private static String body(Path vcfGz) throws IOException {
        try (InputStream in = new BlockCompressedInputStream(vcfGz.toFile())) {
            List<String> lines = new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            lines.removeIf(line -> line.startsWith("##hapmatrix_command="));
            return String.join("\n", lines);
        }
    }
}
