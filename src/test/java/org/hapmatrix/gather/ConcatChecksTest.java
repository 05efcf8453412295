package org.hapmatrix.gather;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * concat refuses what must not be joined: the same part twice, parts whose contigs overlap, VCF
 * parts written with other output options, a BGZF part cut after a whole block. Nothing is written.
 */
class ConcatChecksTest {
    private static final String MATRIX = "CHROM\tPOS\tREF\t1a\t1b\t2a\t2b\n"
            + "c1\t10\tA\tA\tC\tN\tA\n" + "c1\t20\tG\tG\tG\tT\tG\n"
            + "c2\t10\tA\tA\tC\tA\tA\n" + "c2\t30\tC\tT\tC\tN\tC\n"
            + "c3\t5\tG\tA\tG\tG\tG\n";

    @TempDir
    Path tmp;

    private Path part(String name, String contigs, String... options) throws IOException {
        Path matrix = tmp.resolve("m.txt");
        if (!Files.exists(matrix)) {
            Files.writeString(matrix, MATRIX);
        }
        Path part = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("convert", matrix.toString(), "--contigs", contigs,
                "-o", part.toString(), "-q"));
        args.addAll(List.of(options));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        return part;
    }

    private CliRunner.Result concat(Path output, Path... parts) {
        List<String> args = new ArrayList<>(List.of("concat"));
        Arrays.stream(parts).map(Path::toString).forEach(args::add);
        args.addAll(List.of("-o", output.toString(), "-q"));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private void assertRefused(int exitCode, String expectedStart, Path output, Path... parts) {
        CliRunner.Result result = concat(output, parts);
        assertEquals(exitCode, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("hapmatrix: " + expectedStart), result.stderr());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertFalse(result.stderr().contains("htsjdk") || result.stderr().contains("Exception"), result.stderr());
        assertFalse(Files.exists(output), "nothing written");
        assertFalse(Files.exists(Path.of(output + ".tbi")), "no index written");
    }

    /**
     * A part named as an index beside the output (OUT.tbi, OUT.csi), which every concat replaces
     * or removes, is refused as convert refuses an input there (it was joined, then deleted).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".txt", ".vcf.gz", ".bcf"})
    void aPartNamedAsTheOutputsIndexIsRefused(String suffix) throws IOException {
        Path first = part("a" + suffix, "c1");
        Path second = part("b" + suffix, "c2");
        Path output = tmp.resolve("all" + suffix);
        for (String index : List.of(".tbi", ".csi")) {
            Path asIndex = Files.copy(second, Path.of(output + index));
            for (boolean outputExists : List.of(false, true)) {
                if (outputExists) {
                    Files.writeString(output, "old");
                }
                CliRunner.Result result = concat(output, first, asIndex);
                assertEquals(2, result.exitCode(), result.toString());
                assertEquals("hapmatrix: " + output + ": output's index is the part " + asIndex
                        + "; writing it would destroy an input\n", result.stderr());
                assertArrayEquals(Files.readAllBytes(second), Files.readAllBytes(asIndex));
                assertEquals(outputExists ? "old" : null, Files.exists(output) ? Files.readString(output) : null);
            }
            Files.delete(output);
            Files.delete(asIndex);
        }
        // The same file under another name: a hard link.
        Path linked = Files.createLink(tmp.resolve("linked" + suffix), Files.copy(second, Path.of(output + ".csi")));
        CliRunner.Result result = concat(output, first, linked);
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + output + ": output's index is the part " + linked
                + "; writing it would destroy an input\n", result.stderr());
        assertTrue(Files.exists(linked) && Files.exists(Path.of(output + ".csi")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".txt", ".vcf", ".vcf.gz", ".phase.txt"})
    void samePartTwiceAndOverlappingContigsAreRefused(String suffix) throws IOException {
        String[] format = suffix.equals(".phase.txt") ? new String[] {"--format", "phase-extender"} : new String[0];
        Path first = part("a" + suffix, "c1,c2", format);
        Path second = part("b" + suffix, "c2,c3", format);
        Path third = part("c" + suffix, "c3", format);
        Path output = tmp.resolve("all" + suffix);
        assertRefused(2, first + ": given twice", output, first, third, first);
        assertRefused(1, second + ": contig 'c2' is also in " + first, output, first, second);
        Path copy = Files.copy(third, tmp.resolve("copy" + suffix));
        assertRefused(1, copy + ": contig 'c3' is also in " + third, output, first, third, copy);
        assertEquals(0, concat(output, first, third).exitCode(), "disjoint parts join");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".vcf", ".vcf.gz"})
    void vcfPartsWithOtherOutputOptionsAreRefused(String suffix) throws IOException {
        Path first = part("a" + suffix, "c1");
        Path dot = part("b" + suffix, "c2", "--missing", "ref");
        Path pairOnly = part("p" + suffix, "c1", "--pair", "p=1a,1b");
        Path selected = part("c" + suffix, "c3", "--pair", "p=1a,1b", "--alt-from", "selected");
        Path output = tmp.resolve("all" + suffix);
        assertRefused(1, dot + ":1: header differs from the first part's", output, first, dot);
        assertRefused(1, selected + ":1: header differs from the first part's", output, pairOnly, selected);
        assertTrue(Files.readString(part("d.vcf", "c1", "--missing", "ref")).contains("\n##hapmatrix_options=missing=ref;"),
                "the part says what it was made with");
    }

    @Test
    void vcfGzPartCutAfterAWholeBlockIsTruncated() throws IOException {
        Path first = part("a.vcf.gz", "c1");
        Path second = part("b.vcf.gz", "c2,c3");
        byte[] bytes = Files.readAllBytes(second);
        Path cut = Files.write(tmp.resolve("cut.vcf.gz"), Arrays.copyOf(bytes, bytes.length - 28));
        assertRefused(1, cut + ": gzip data is truncated (no BGZF end-of-file block)", tmp.resolve("all.vcf.gz"), first, cut);
    }

    /** Cut after its first block, inside a header of 4000 contig lines: the header's read says so too. */
    @Test
    void vcfGzPartCutInsideItsHeaderAfterAWholeBlockIsTruncated() throws IOException {
        Path first = part("a.vcf.gz", "c1");
        StringBuilder matrix = new StringBuilder("CHROM\tPOS\tREF\t1a\t1b\n");
        for (int i = 0; i < 4000; i++) {
            matrix.append(String.format("contig_with_a_rather_long_name_%05d\t10\tA\tA\tC\n", i));
        }
        Path many = Files.writeString(tmp.resolve("many.txt"), matrix);
        Path second = tmp.resolve("many.vcf.gz");
        assertEquals(0, CliRunner.run("convert", many.toString(), "-o", second.toString(), "-q").exitCode());
        byte[] bytes = Files.readAllBytes(second);
        int firstBlockEnd = ((bytes[16] & 0xff) | (bytes[17] & 0xff) << 8) + 1;
        assertTrue(firstBlockEnd < bytes.length - 28, "the header takes more than one block");
        Path cut = Files.write(tmp.resolve("cut.vcf.gz"), Arrays.copyOf(bytes, firstBlockEnd));
        assertRefused(1, cut + ":1: gzip data is truncated (no BGZF end-of-file block)", tmp.resolve("all.vcf.gz"), first, cut);
    }
}
