package org.hapmatrix.gather;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.hapmatrix.cluster.ClusterMatrices;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.HtsIndexDump;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * concat of VCF, BCF and phase-Extender parts: the gathered file equals one convert (a VCF but for
 * its ##hapmatrix_command line, which records each run's own command); a .vcf.gz is BGZF with a
 * new index that tabix and bcftools use, a .bcf has its .csi; parts of different layouts are refused.
 */
class VcfConcatTest {
    @TempDir
    Path tmp;

    private Path indexed;

    @BeforeEach
    void indexedMatrix() {
        GeneratedMatrix matrix = ClusterMatrices.sorted(9, 400, ClusterMatrices.VCF_CONTIGS);
        Path plain = tmp.resolve("m.txt");
        matrix.writeTo(plain, true);
        indexed = ExternalTool.bgzipAndIndex(plain, 1);
    }

    private List<String> scatter(int contigsPerPart, String suffix, String... options) throws IOException {
        List<String> contigs = ClusterMatrices.VCF_CONTIGS;
        List<String> parts = new ArrayList<>();
        for (int first = 0; first < contigs.size(); first += contigsPerPart) {
            List<String> group = contigs.subList(first, Math.min(contigs.size(), first + contigsPerPart));
            Path list = Files.writeString(tmp.resolve("group" + first + ".txt"), String.join("\n", group) + "\n");
            Path part = tmp.resolve("part" + first + suffix);
            run(with(List.of("convert", indexed.toString(), "--contigs-file", list.toString(), "-o", part.toString(), "-q"),
                    options));
            parts.add(part.toString());
        }
        return parts;
    }

    private static List<String> with(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static CliRunner.Result run(List<String> args) {
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    private byte[] concat(List<String> parts, Path output) throws IOException {
        List<String> args = new ArrayList<>(List.of("concat"));
        args.addAll(parts);
        args.addAll(List.of("-o", output.toString(), "-q"));
        run(args);
        return Files.readAllBytes(output);
    }

    /** The VCF without its ##hapmatrix_command line: the rest must be one convert's bytes. */
    private static String withoutCommandLine(byte[] vcf) {
        return new String(vcf, StandardCharsets.UTF_8).replaceAll("(?m)^##hapmatrix_command=.*\n", "");
    }

    @Test
    void vcfPartsJoinedEqualOneConvert() throws IOException {
        Path whole = tmp.resolve("whole.vcf");
        run(List.of("convert", indexed.toString(), "-o", whole.toString(), "-q"));
        for (int perPart : List.of(1, 3)) {
            List<String> parts = scatter(perPart, "-" + perPart + ".vcf");
            byte[] joined = concat(parts, tmp.resolve("joined" + perPart + ".vcf"));
            assertEquals(withoutCommandLine(Files.readAllBytes(whole)), withoutCommandLine(joined));
            // the records' provenance: the first part's command, with the options all parts share
            String firstCommand = new String(Files.readAllBytes(Path.of(parts.get(0))), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("##hapmatrix_command=")).findFirst().orElseThrow();
            assertTrue(new String(joined, StandardCharsets.UTF_8).contains(firstCommand + "\n"));
        }
    }

    @Test
    void vcfGzIsBgzfWithAnIndexThatTabixAndBcftoolsUse() throws IOException {
        Path whole = tmp.resolve("whole.vcf.gz");
        run(List.of("convert", indexed.toString(), "-o", whole.toString(), "-q"));
        List<String> parts = scatter(2, ".vcf");
        Path joined = tmp.resolve("joined.vcf.gz");
        concat(parts, joined);
        assertEquals(withoutCommandLine(gunzip(whole)), withoutCommandLine(gunzip(joined)));
        assertTrue(Files.getLastModifiedTime(Path.of(joined + ".tbi")).compareTo(Files.getLastModifiedTime(joined)) >= 0);
        assertEquals("", ExternalTool.succeed(tmp, "bgzip", "-t", joined.toString()));
        // tabix and bcftools answer regions from the new index as the records say (single-base REFs here)
        String records = withoutCommandLine(gunzip(joined));
        for (String region : List.of("\u03c93", "scaffold_4:100-900", "chr1:1-50", "silent", "\u67d3\u8272\u4f532")) {
            assertEquals(recordsIn(records, region), ExternalTool.succeed(tmp, "tabix", joined.toString(), region), region);
        }
        ExternalTool.Result view = ExternalTool.run(tmp, "bcftools", "view", "-H", "-r", "\u67d3\u8272\u4f532", joined.toString());
        assertEquals(0, view.exitCode(), view.output());
        // htslib warns about the non-ASCII contig names (VCF 4.3's rule), which hapmatrix's VCF allows
        String viewed = view.stdout().replaceAll("(?m)^\\[W::bcf_hrec_check\\] Invalid contig name: .*\n", "");
        assertEquals(recordsIn(records, "\u67d3\u8272\u4f532"), viewed);
        // vcf.gz parts (BGZF with their own indexes) gather the same way
        List<String> gzParts = scatter(4, ".vcf.gz");
        assertEquals(withoutCommandLine(gunzip(joined)), withoutCommandLine(gunzip(concat(gzParts, tmp.resolve("fromgz.vcf.gz")))));
    }

    /**
     * BCF parts gather into one BCF: bcftools reads the records (and header, but for the run line)
     * of one convert from it, its .csi is the one bcftools index writes (counts included) and
     * answers regions; to standard output it is the same BCF, without an index.
     */
    @Test
    void bcfPartsJoinedAreWhatBcftoolsReadsOfOneConvert() throws IOException {
        Path whole = tmp.resolve("whole.bcf");
        run(List.of("convert", indexed.toString(), "-o", whole.toString(), "-q"));
        String expected = bcftoolsView(whole);
        for (int perPart : List.of(1, 3)) {
            List<String> parts = scatter(perPart, "-" + perPart + ".bcf");
            Path joined = tmp.resolve("joined" + perPart + ".bcf");
            Files.writeString(tmp.resolve(joined + ".tbi"), "stale");
            concat(parts, joined);
            assertEquals(expected, bcftoolsView(joined), perPart + " contig(s) per part");
            assertTrue(Files.notExists(Path.of(joined + ".tbi")), "a stale index of the other kind is removed");
            Path theirs = tmp.resolve("theirs" + perPart + ".bcf");
            Files.copy(joined, theirs);
            ExternalTool.succeed(tmp, "bcftools", "index", "-f", theirs.toString());
            assertEquals(HtsIndexDump.of(Path.of(theirs + ".csi")), HtsIndexDump.of(Path.of(joined + ".csi")));
            assertEquals(ExternalTool.run(tmp, "bcftools", "index", "-s", whole.toString()).stdout(),
                    ExternalTool.run(tmp, "bcftools", "index", "-s", joined.toString()).stdout());
            ExternalTool.Result byRegion = ExternalTool.run(tmp, "bcftools", "view", "-H", "-r", "scaffold_4:100-900", joined.toString());
            assertEquals(0, byRegion.exitCode(), byRegion.toString());
            assertEquals(ExternalTool.run(tmp, "bcftools", "view", "-H", "-r", "scaffold_4:100-900", whole.toString()).stdout(),
                    byRegion.stdout());
            assertFalse(byRegion.stdout().isEmpty());
        }
        List<String> args = new ArrayList<>(List.of("concat"));
        args.addAll(scatter(2, ".bcf"));
        args.add("-q");
        CliRunner.Result toStdout = run(args);
        Path fromStdout = Files.write(tmp.resolve("stdout.bcf"), toStdout.stdout());
        assertEquals(expected, bcftoolsView(fromStdout));
    }

    @Test
    void bcfPartsMixedWithVcfOrForeignOrTruncatedOrOverlappingAreRefused() throws IOException {
        List<String> bcfParts = scatter(4, ".bcf");
        List<String> vcfParts = scatter(4, ".vcf");
        assertFails(1, vcfParts.get(1) + ":1: header differs from the first part's (" + bcfParts.get(0)
                + ": VCF vs BCF); parts must come from runs with the same options", List.of(bcfParts.get(0), vcfParts.get(1)), "out.bcf");
        assertFails(2, tmp.resolve("out.vcf") + ": a VCF name, but the parts are BCFs", bcfParts, "out.vcf");
        Path foreign = tmp.resolve("foreign.bcf");
        Path foreignVcf = Files.writeString(tmp.resolve("foreign.vcf"),
                "##fileformat=VCFv4.2\n##source=other\n##contig=<ID=c>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        ExternalTool.succeed(tmp, "bcftools", "view", "-Ob", "-o", foreign.toString(), foreignVcf.toString());
        assertFails(1, foreign + ":1: not a hapmatrix output (a BCF without ##source=hapmatrix)",
                List.of(bcfParts.get(0), foreign.toString()), "out.bcf");
        byte[] plain = gunzip(Path.of(bcfParts.get(1)));
        Path cut = Files.write(tmp.resolve("cut.bcf"), java.util.Arrays.copyOf(plain, plain.length - 7));
        assertFails(1, cut + ": not a hapmatrix output (its last BCF record is cut short: truncated?)",
                List.of(bcfParts.get(0), cut.toString()), "out.bcf");
        Path again = tmp.resolve("again.bcf");
        Files.copy(Path.of(bcfParts.get(0)), again);
        assertFails(1, again + ": contig '" + ClusterMatrices.VCF_CONTIGS.get(0) + "' is also in " + bcfParts.get(0)
                + "; parts must hold different contigs (one run per group of contigs)", List.of(bcfParts.get(0), again.toString()), "out.bcf");
    }

    /** What bcftools view prints of a BCF, without hapmatrix's run line and bcftools' warnings. */
    private String bcftoolsView(Path bcf) {
        ExternalTool.Result view = ExternalTool.run(tmp, "bcftools", "view", "--no-version", bcf.toString());
        assertEquals(0, view.exitCode(), view.toString());
        return view.stdout().replaceAll("(?m)^##hapmatrix_command=.*\n", "");
    }

    @Test
    void phaseExtenderPartsJoinedEqualOneConvertByteForByte() throws IOException {
        Path whole = tmp.resolve("whole.pe.txt");
        run(List.of("convert", indexed.toString(), "--format", "phase-extender", "-o", whole.toString(), "-q"));
        List<String> parts = scatter(2, ".pe.txt", "--format", "phase-extender");
        assertArrayEquals(Files.readAllBytes(whole), concat(parts, tmp.resolve("joined.pe.txt")));
    }

    @Test
    void partsOfDifferentLayoutsOrForeignVcfsAreRefused() throws IOException {
        List<String> vcfParts = scatter(4, ".vcf");
        List<String> tablesParts = scatter(4, ".txt");
        List<String> mixed = List.of(vcfParts.get(0), tablesParts.get(1));
        assertFails(1, tablesParts.get(1) + ":1: header differs from the first part's (" + vcfParts.get(0)
                + ": haplotype table vs VCF); parts must come from runs with the same options", mixed, "out.vcf");
        Path foreign = Files.writeString(tmp.resolve("foreign.vcf"),
                "##fileformat=VCFv4.2\n##source=other\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        assertFails(1, foreign + ":1: not a hapmatrix output (a VCF without ##source=hapmatrix)",
                List.of(vcfParts.get(0), foreign.toString()), "out.vcf");
        assertFails(2, tmp.resolve("out.vcf") + ": a VCF name, but the parts are haplotype tables", tablesParts, "out.vcf");
        // other pairs: the #CHROM line differs
        List<String> otherPairs = scatter(4, ".other.vcf", "--samples", "1a,1b");
        assertFails(1, otherPairs.get(1) + ":1: header differs from the first part's (" + vcfParts.get(0)
                + "); parts must come from runs with the same options", List.of(vcfParts.get(0), otherPairs.get(1)), "out.vcf");
    }

    /** The record lines of {@code vcf} in {@code region} (CONTIG or CONTIG:FROM-TO), by reading them all. */
    private static String recordsIn(String vcf, String region) {
        String contig = region.contains(":") ? region.substring(0, region.indexOf(':')) : region;
        long from = region.contains(":") ? Long.parseLong(region.substring(region.indexOf(':') + 1, region.indexOf('-'))) : 0;
        long to = region.contains(":") ? Long.parseLong(region.substring(region.indexOf('-') + 1)) : Long.MAX_VALUE;
        StringBuilder lines = new StringBuilder();
        vcf.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            String[] fields = line.split("\t", 3);
            long position = Long.parseLong(fields[1]);
            if (fields[0].equals(contig) && position >= from && position <= to) {
                lines.append(line).append('\n');
            }
        });
        return lines.toString();
    }

    private void assertFails(int exitCode, String message, List<String> parts, String output) {
        List<String> args = new ArrayList<>(List.of("concat"));
        args.addAll(parts);
        args.addAll(List.of("-o", tmp.resolve(output).toString()));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(exitCode, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + message + "\n", result.stderr());
        assertTrue(Files.notExists(tmp.resolve(output)));
    }

    private static byte[] gunzip(Path file) throws IOException {
        return gunzip(Files.readAllBytes(file));
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
