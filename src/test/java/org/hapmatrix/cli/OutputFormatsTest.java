package org.hapmatrix.cli;

import static org.hapmatrix.cli.FormatsMatchReferenceTest.lines;
import static org.hapmatrix.cli.FormatsMatchReferenceTest.readVcf;
import static org.hapmatrix.cli.FormatsMatchReferenceTest.withoutRunLines;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferenceFormats.Options;
import org.hapmatrix.reference.ReferenceFormats;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The choices and errors of {@code --format} and {@code --missing} (README "Output formats"):
 * the format picked from the output name, the awkward sites of a hand-written matrix, every
 * error path, and identical files whatever the thread count or command.
 */
class OutputFormatsTest {
    /** N as REF, a multi-base REF and ALT, gaps, N calls, three ALT alleles, a site only N and REF. */
    private static final String EDGE_MATRIX = String.join("\n",
            "CHROM\tPOS\tREF\t1a\t1b\t2a\t2b\tx",
            "chr1\t10\tA\tA\tC\tN\t-\tA",
            "chr1\t11\tN\tA\tN\tN\tN\tN",
            "chr1\t12\tAT\tA\tAT\tGGC\t-\tAT",
            "chr1\t13\tG\tN\tG\tG\tG\tN",
            "chr1\t14\tC\t-\tA\tT\tG\tC",
            "chr2\t5\tT\tT\tT\tT\tT\tCC",
            "chr2\t7\tG\t-\t-\tN\tG\tG") + "\n";
    private static final byte[] OLD_OUTPUT = "an earlier result\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    private Path edge;

    @BeforeEach
    void writeEdgeMatrix() throws IOException {
        edge = tmp.resolve("edge.txt");
        Files.writeString(edge, EDGE_MATRIX);
    }

    @Test
    void theOutputNamePicksTheFormatUnlessFormatIsGiven() throws IOException {
        for (String name : List.of("a.vcf", "a.vcf.gz", "a.txt", "a.tsv.gz")) {
            Path out = tmp.resolve(name);
            assertEquals(0, CliRunner.run("convert", edge.toString(), "-o", out.toString(), "-q").exitCode());
            boolean vcf = name.endsWith(".vcf") || name.endsWith(".vcf.gz");
            assertEquals(vcf, readVcf(out).startsWith("##fileformat=VCFv4.2\n"), name);
            assertEquals(name.endsWith(".vcf.gz"), Files.exists(Path.of(out + ".tbi")), name);
        }
        // --format with a name no format claims (a .vcf name with --format tsv is a usage error: HtslibIndexTest).
        Path table = tmp.resolve("table.out");
        assertEquals(0, CliRunner.run("convert", edge.toString(), "-o", table.toString(), "--format", "tsv", "-q").exitCode());
        assertEquals(reference().get("table"), Files.readString(table));
        CliRunner.Result stdout = CliRunner.run("convert", edge.toString(), "--format", "vcf", "-q");
        assertEquals(0, stdout.exitCode(), stdout.toString());
        assertEquals(reference().get("vcf"), withoutRunLines(stdout.out()));
    }

    @Test
    void edgeSitesMatchTheReferenceUnderBothMissingRulesAndBcftoolsAgrees() throws IOException {
        GeneratedMatrix matrix = parse(EDGE_MATRIX);
        List<ReferencePair> pairs = ReferenceConverter.defaultPairs(matrix.columnNames());
        for (boolean dot : List.of(true, false)) {
            Options options = new Options(pairs, null, false, dot, true);
            String missing = dot ? "dot" : "ref";
            Path vcf = tmp.resolve("edge-" + missing + ".vcf.gz");
            Path table = tmp.resolve("edge-" + missing + ".txt");
            Path phase = tmp.resolve("edge-" + missing + ".phase.txt");
            assertEquals(0, CliRunner.run("convert", edge.toString(), "-o", vcf.toString(), "--missing", missing, "-q").exitCode());
            assertEquals(0, CliRunner.run("convert", edge.toString(), "-o", table.toString(), "--missing", missing, "-q").exitCode());
            assertEquals(0, CliRunner.run("convert", edge.toString(), "-o", phase.toString(), "--missing", missing,
                    "--format", "phase-extender", "-q").exitCode());
            List<String> records = ReferenceFormats.vcfRecords(matrix.columnNames(), matrix.rows(), options);
            assertEquals(ReferenceFormats.vcfHeader(matrix.columnNames(), matrix.rows(), options) + lines(records),
                    withoutRunLines(readVcf(vcf)));
            assertEquals(ReferenceFormats.table(matrix.columnNames(), matrix.rows(), options), Files.readString(table));
            assertEquals(ReferenceFormats.phaseExtender(matrix.columnNames(), matrix.rows(), options), Files.readString(phase));
            ExternalTool.Result view = ExternalTool.run(tmp, "bcftools", "view", "-H", vcf.toString());
            assertEquals("", view.stderr());
            assertEquals(lines(records), view.stdout());
        }
        // The awkward values really are in the file: '*' for '-', N as REF, a multi-base REF.
        String text = readVcf(tmp.resolve("edge-dot.vcf.gz"));
        assertTrue(text.contains("\nchr1\t10\t.\tA\t*,C\t"), text);
        assertTrue(text.contains("\nchr1\t11\t.\tN\tA\t"), text);
        assertTrue(text.contains("\nchr1\t12\t.\tAT\t*,A,GGC\t"), text);
        assertFalse(text.contains("\nchr1\t13\t"), "a site whose only other allele is N is not written");
    }

    @Test
    void aVcfWithoutPairsHasNoSampleColumnsAndBcftoolsReadsIt() throws IOException {
        Path vcf = tmp.resolve("none.vcf");
        CliRunner.Result result = CliRunner.run("convert", edge.toString(), "-o", vcf.toString(), "--samples", "x", "--sites-only", "-q");
        assertEquals(0, result.exitCode(), result.toString());
        GeneratedMatrix matrix = parse(EDGE_MATRIX);
        Options options = new Options(List.of(), null, false, true, false);
        assertEquals(ReferenceFormats.vcfHeader(matrix.columnNames(), matrix.rows(), options)
                + lines(ReferenceFormats.vcfRecords(matrix.columnNames(), matrix.rows(), options)), withoutRunLines(readVcf(vcf)));
        ExternalTool.Result view = ExternalTool.run(tmp, "bcftools", "view", vcf.toString());
        assertEquals("", view.stderr());
        assertEquals(0, view.exitCode());
        assertEquals("", ExternalTool.run(tmp, "bcftools", "query", "-l", vcf.toString()).stdout());
    }

    @Test
    void tabixFindsAContigNamedOutsideAsciiThroughTheWrittenIndex() throws IOException {
        Path input = tmp.resolve("unicode.txt");
        Files.writeString(input, "CHROM\tPOS\tREF\t1a\t1b\n"
                + "chr1\t10\tA\tC\tA\n" + "\u03c93\t20\tG\tT\tG\n" + "\u03c93\t30\tC\tC\tA\n");
        Path vcf = tmp.resolve("unicode.vcf.gz");
        assertEquals(0, CliRunner.run("convert", input.toString(), "-o", vcf.toString(), "-q").exitCode());
        ExternalTool.Result listed = ExternalTool.run(tmp, "tabix", "-l", vcf.toString());
        assertEquals("chr1\n\u03c93\n", listed.stdout(), listed.toString());
        ExternalTool.Result region = ExternalTool.run(tmp, "tabix", vcf.toString(), "\u03c93");
        assertEquals(List.of("\u03c93\t20", "\u03c93\t30"),
                region.stdout().lines().map(l -> l.substring(0, l.indexOf('\t', l.indexOf('\t') + 1))).toList(),
                region.toString());
    }

    @Test
    void theCommandLineIsRecordedOnOneLine() throws IOException {
        Path vcf = tmp.resolve("cmd.vcf");
        assertEquals(0, CliRunner.run("convert", edge.toString(), "-o", vcf.toString(), "--pair", "it's=1a,1b", "-q").exitCode());
        List<String> command = Files.readAllLines(vcf).stream().filter(l -> l.startsWith("##hapmatrix_command=")).toList();
        assertEquals(List.of("##hapmatrix_command=hapmatrix convert " + edge + " -o " + vcf + " --pair 'it'\\''s=1a,1b' -q"),
                command);
    }

    @Test
    void threadCountsAndConvertOrExportGiveIdenticalFiles() throws IOException {
        GeneratedMatrix matrix = MatrixGenerator.seedShaped(5, 12_000);
        Path input = tmp.resolve("seed.txt");
        matrix.writeTo(input, true);
        Path db = tmp.resolve("seed.duckdb");
        assertEquals(0, CliRunner.run("load", input.toString(), "--db", db.toString(), "-q").exitCode());
        for (String name : List.of("out.vcf", "out.vcf.gz", "out.phase.txt", "out.dot.txt")) {
            List<String> extra = switch (name) {
                case "out.phase.txt" -> List.of("--format", "phase-extender");
                case "out.dot.txt" -> List.of("--missing", "dot");
                default -> List.of();
            };
            String first = null;
            for (String threads : List.of("1", "2", "8")) {
                for (boolean convert : List.of(true, false)) {
                    Path out = tmp.resolve(threads + (convert ? "c-" : "e-") + name);
                    List<String> args = new ArrayList<>(convert ? List.of("convert", input.toString())
                            : List.of("export", "--db", db.toString()));
                    args.addAll(List.of("-o", out.toString(), "--threads", threads, "-q"));
                    args.addAll(extra);
                    assertEquals(0, CliRunner.run(args.toArray(String[]::new)).exitCode(), args.toString());
                    String content = withoutRunLines(readVcf(out));
                    if (first == null) {
                        first = content;
                    }
                    assertEquals(first, content, args.toString());
                    if (name.endsWith(".gz")) {
                        ExternalTool.Result region = ExternalTool.run(tmp, "tabix", out.toString(), "3:100-2000");
                        assertEquals("", region.stderr());
                        assertEquals(first.lines().filter(l -> l.startsWith("3\t")).filter(l -> {
                            long pos = Long.parseLong(l.split("\t")[1]);
                            return pos >= 100 && pos <= 2000;
                        }).map(l -> l + "\n").reduce("", String::concat), region.stdout());
                    }
                }
            }
        }
    }

    @Test
    void aRefGapIsAnErrorNamingAlleleContigAndPositionAndLeavesOldFilesAlone() throws IOException {
        Path matrix = write("gap.txt", "CHROM\tPOS\tREF\t1a\t1b\nc1\t5\tA\tC\tA\nc1\t6\t-\tA\tC\n");
        Path out = tmp.resolve("gap.vcf.gz");
        Files.write(out, OLD_OUTPUT);
        Files.write(Path.of(out + ".tbi"), OLD_OUTPUT);
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", out.toString(), "-q");
        assertEquals(1, result.exitCode());
        assertEquals("hapmatrix: " + matrix + ": contig 'c1', position 6: REF allele '-' cannot be written to VCF"
                + " (REF must be a string of A, C, G, T, N)\n", result.stderr());
        assertArrayEquals(OLD_OUTPUT, Files.readAllBytes(out));
        assertArrayEquals(OLD_OUTPUT, Files.readAllBytes(Path.of(out + ".tbi")));
        assertNoPartFiles();
    }

    @Test
    void anAlleleVcfCannotHoldIsAnError() throws IOException {
        for (String allele : List.of("R", "x", "A-", "<DEL>", "A,C")) {
            Path matrix = write("bad.txt", "CHROM\tPOS\tREF\t1a\t1b\nc1\t5\tA\tC\tA\nc1\t9\tA\t" + allele + "\tA\n");
            Path out = tmp.resolve("bad.vcf");
            CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", out.toString(), "-q");
            assertEquals(1, result.exitCode(), allele);
            assertEquals("hapmatrix: " + matrix + ": contig 'c1', position 9: allele '" + allele
                    + "' cannot be written to VCF (alleles must be strings of A, C, G, T, N, or -)\n", result.stderr());
            assertFalse(Files.exists(out));
            // The same matrix is fine as a table.
            assertEquals(0, CliRunner.run("convert", matrix.toString(), "-o", tmp.resolve("bad.txt.out").toString(), "-q").exitCode());
        }
    }

    @Test
    void positionsVcfOrItsIndexCannotHoldAreErrors() throws IOException {
        assertPositionError("0", "out.vcf", "VCF positions run from 1 to 2147483647");
        assertPositionError("2147483648", "out.vcf", "VCF positions run from 1 to 2147483647");
        // Beyond a .tbi's reach a .vcf.gz gets a .csi (HtslibIndexTest).
        Path matrix = write("far.txt", "CHROM\tPOS\tREF\t1a\t1b\nc1\t536870913\tA\tC\tA\n");
        assertEquals(0, CliRunner.run("convert", matrix.toString(), "-o", tmp.resolve("far.vcf").toString(), "-q").exitCode());
        // The last base a .tbi holds: a one-base REF at 2^29 is indexed, and bcftools finds it there.
        Path last = write("last.txt", "CHROM\tPOS\tREF\t1a\t1b\nc1\t536870912\tA\tC\tA\n");
        Path out = tmp.resolve("last.vcf.gz");
        assertEquals(0, CliRunner.run("convert", last.toString(), "-o", out.toString(), "-q").exitCode());
        assertEquals("c1\t536870912\n", ExternalTool.run(tmp, "bcftools", "query", "-r", "c1:536870912",
                "-f", "%CHROM\t%POS\n", out.toString()).stdout());
    }

    private void assertPositionError(String position, String output, String what) throws IOException {
        Path matrix = write("pos.txt", "CHROM\tPOS\tREF\t1a\t1b\nc1\t" + position + "\tA\tC\tA\n");
        Path out = tmp.resolve(output);
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", out.toString(), "-q");
        assertEquals(1, result.exitCode(), position);
        assertEquals("hapmatrix: " + matrix + ": contig 'c1', position " + position + ": " + what + "\n", result.stderr());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(Path.of(out + ".tbi")));
    }

    @Test
    void unsortedWrittenPositionsAreAnErrorForAnIndexedVcfAndLeaveNoOutput() throws IOException {
        Path matrix = write("unsorted.txt", "CHROM\tPOS\tREF\t1a\t1b\nc1\t5\tA\tC\tA\nc2\t9\tA\tC\tA\nc2\t7\tA\tA\tA\nc2\t8\tA\tA\tC\n");
        Path db = tmp.resolve("unsorted.duckdb");
        assertEquals(0, CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q").exitCode());
        Path out = tmp.resolve("unsorted.vcf.gz");
        CliRunner.Result result = CliRunner.run("export", "--db", db.toString(), "-o", out.toString(), "-q");
        assertEquals(1, result.exitCode());
        assertEquals("hapmatrix: " + db + ": contig 'c2', position 8 comes after position 9: an indexed output"
                + " needs each contig's sites sorted by position (sort the matrix, or leave the index out: --index none)\n",
                result.stderr());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(Path.of(out + ".tbi")));
        // Other contigs, plain VCF, or no index, are fine.
        assertEquals(0, CliRunner.run("export", "--db", db.toString(), "-o", out.toString(), "--contigs", "c1", "-q").exitCode());
        assertEquals(0, CliRunner.run("export", "--db", db.toString(), "-o", tmp.resolve("u.vcf").toString(), "-q").exitCode());
        assertEquals(0, CliRunner.run("export", "--db", db.toString(), "-o", tmp.resolve("u.vcf.gz").toString(), "--index", "none",
                "-q").exitCode());
    }

    @Test
    void unsortedPositionsInAnIndexedTableSuggestWhatWorksForATable() throws IOException {
        // The hint said "or write .vcf" to a table too: leaving the index out is what works for any output.
        Path matrix = write("unsorted.txt", "CHROM\tPOS\tREF\t1a\t1b\nc1\t9\tA\tC\tA\nc1\t7\tA\tC\tA\n");
        for (String name : List.of("unsorted.tsv.gz", "unsorted.pe.gz")) {
            Path out = tmp.resolve(name);
            List<String> args = new ArrayList<>(List.of("convert", matrix.toString(), "-o", out.toString(), "--index", "csi", "-q"));
            if (name.endsWith(".pe.gz")) {
                args.addAll(List.of("--format", "phase-extender"));
            }
            CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
            assertEquals(1, result.exitCode(), name);
            assertEquals("hapmatrix: " + matrix + ": contig 'c1', position 7 comes after position 9: an indexed output needs each"
                    + " contig's sites sorted by position (sort the matrix, or leave the index out: --index none)\n", result.stderr());
            assertFalse(Files.exists(out));
            assertFalse(Files.exists(Path.of(out + ".csi")));
            args.set(args.indexOf("csi"), "none");
            assertEquals(0, CliRunner.run(args.toArray(String[]::new)).exitCode(), name);
        }
    }

    @Test
    void aContigNameVcfCannotHoldIsAnError() throws IOException {
        for (String contig : List.of("chr 1", "#1", "a,b", "x<y>", "chr=1", "chr`1")) {
            Path matrix = write("contig.txt", "CHROM\tPOS\tREF\t1a\t1b\n" + contig + "\t5\tA\tC\tA\n");
            Path out = tmp.resolve("contig.vcf");
            CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", out.toString(), "-q");
            assertEquals(1, result.exitCode(), contig);
            assertEquals("hapmatrix: " + matrix + ": contig '" + contig + "' cannot be a VCF contig name"
                    + " (no whitespace, commas, quotes, brackets, = or `, no leading # *)\n", result.stderr());
            assertFalse(Files.exists(out));
        }
        // What is allowed, bcftools and htsjdk read back as written.
        String allowed = "c!$%&*+./:;?@^_|~-1";
        Path matrix = write("allowed.txt", "CHROM\tPOS\tREF\t1a\t1b\n" + allowed + "\t5\tA\tC\tA\n");
        Path out = tmp.resolve("allowed.vcf.gz");
        assertEquals(0, CliRunner.run("convert", matrix.toString(), "-o", out.toString(), "-q").exitCode());
        ExternalTool.Result view = ExternalTool.run(tmp, "bcftools", "view", "-H", out.toString());
        assertEquals("", view.stderr());
        assertTrue(view.stdout().startsWith(allowed + "\t5\t"), view.stdout());
        try (htsjdk.variant.vcf.VCFFileReader reader = new htsjdk.variant.vcf.VCFFileReader(out, true)) {
            assertEquals(List.of(allowed), reader.getFileHeader().getContigLines().stream()
                    .map(line -> line.getSAMSequenceRecord().getSequenceName()).toList());
            assertEquals(allowed, reader.iterator().next().getContig());
        }
    }

    @Test
    void aPairNamePhaseExtenderCannotUseIsAUsageError() throws IOException {
        for (String name : List.of("a:b", "a/b")) {
            Path out = tmp.resolve("phase.txt");
            CliRunner.Result result = CliRunner.run("convert", edge.toString(), "-o", out.toString(),
                    "--format", "phase-extender", "--pair", name + "=1a,1b", "-q");
            assertEquals(2, result.exitCode(), name);
            assertEquals("hapmatrix: pair '" + name + "': phase-Extender cannot use a sample name containing ':' or '/';"
                    + " rename the pair (--pair NAME=A,B)\n", result.stderr());
            assertFalse(Files.exists(out));
        }
        // phase-Extender's own header parsing: the names before ':' are the pairs, in order.
        Path out = tmp.resolve("phase.txt");
        assertEquals(0, CliRunner.run("convert", edge.toString(), "-o", out.toString(), "--format", "phase-extender", "-q").exitCode());
        List<String> header = Arrays.asList(Files.readAllLines(out).get(0).split("\t"));
        assertEquals(List.of("CHROM", "POS", "REF", "all-alleles"), header.subList(0, 4));
        assertEquals(List.of("1a1b", "2a2b"), header.stream().filter(c -> c.contains(":")).map(c -> c.split(":")[0])
                .distinct().toList());
    }

    @Test
    void unknownFormatOrMissingRuleIsAUsageError() {
        CliRunner.Result format = CliRunner.run("convert", edge.toString(), "--format", "cram");
        assertEquals(2, format.exitCode());
        assertTrue(format.stderr().startsWith("hapmatrix") && format.stderr().contains("'cram' is not a format:"
                + " expected tsv, vcf, bcf or phase-extender"), format.stderr());
        CliRunner.Result missing = CliRunner.run("export", "--db", "x.duckdb", "--missing", "blank");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.stderr().contains("--missing") && missing.stderr().contains("blank"), missing.stderr());
    }

    private java.util.Map<String, String> reference() {
        GeneratedMatrix matrix = parse(EDGE_MATRIX);
        List<ReferencePair> pairs = ReferenceConverter.defaultPairs(matrix.columnNames());
        Options table = new Options(pairs, null, false, false, false);
        Options vcf = new Options(pairs, null, false, true, false);
        return java.util.Map.of("table", ReferenceFormats.table(matrix.columnNames(), matrix.rows(), table),
                "vcf", ReferenceFormats.vcfHeader(matrix.columnNames(), matrix.rows(), vcf)
                        + lines(ReferenceFormats.vcfRecords(matrix.columnNames(), matrix.rows(), vcf)));
    }

    private static GeneratedMatrix parse(String text) {
        List<String> lines = text.lines().toList();
        List<List<String>> rows = lines.subList(1, lines.size()).stream().map(l -> List.of(l.split("\t", -1))).toList();
        return new GeneratedMatrix(List.of(lines.get(0).split("\t")), rows);
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private void assertNoPartFiles() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".part")).toList());
        }
    }
}
