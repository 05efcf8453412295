package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hapmatrix.reference.ReferenceFormats;
import org.hapmatrix.reference.ReferenceVcf;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.DebianExamples;
import org.hapmatrix.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real phased VCFs from Debian packages ({@link DebianExamples}), read as bcftools reads them: the
 * table equals the reference built from {@code bcftools query %TGT} of the input; VCF out keeps,
 * for every phased call of a written site, REF, the allele strings and their order as bcftools
 * reads the input, with AC/AN as {@code bcftools +fill-tags} counts them; the same file as BCF
 * gives the same table.
 */
class RealVcfTest {
    private static final String TGT_QUERY = "%CHROM\\t%POS\\t%REF[\\t%TGT]\\n";
    private static final String VARIANT_ANNOTATION = "usr/lib/R/site-library/VariantAnnotation/extdata/";
    private static final String EAGLE = "usr/share/doc/bio-eagle/examples/";
    private static final String PYVCF = "usr/share/doc/python3-vcf/test/";

    @TempDir
    Path tmp;

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("r-bioc-variantannotation", VARIANT_ANNOTATION + "chr22.vcf.gz"),
                Arguments.of("bio-eagle-examples", EAGLE + "phased.vcf.gz"),
                Arguments.of("bio-eagle-examples", EAGLE + "target.phased.vcf.gz"),
                Arguments.of("bio-eagle-examples", EAGLE + "target.vcf.gz"),
                Arguments.of("python-pyvcf-examples", PYVCF + "issue-214.vcf"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("files")
    void tableVcfAndBcfAgreeWithBcftools(String pkg, String file) throws IOException {
        Path vcf = DebianExamples.unpacked(pkg).resolve(file);
        checkAgainstBcftools(vcf);
    }

    /** Complete Genomics' calls with symbolic ALTs: an error naming them, and fine once bcftools drops them. */
    @Test
    void symbolicAllelesStopTheRunUntilDropped() throws IOException {
        Path vcf = DebianExamples.unpacked("r-bioc-variantannotation").resolve(VARIANT_ANNOTATION + "chr7-sub.vcf.gz");
        CliRunner.Result result = CliRunner.run("convert", vcf.toString(), "-o", tmp.resolve("x.tsv").toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().startsWith("hapmatrix: " + vcf + ":61: contig '7', position 55000001: symbolic ALT"
                + " allele '<CGA_CNVWIN>' has no sequence"), result.stderr());
        Path kept = tmp.resolve("chr7-sub.plain.vcf");
        // The advice of the message, word for word.
        tool("bcftools", "view", "-e", "ALT~\"<\" || ALT~\"\\[\" || ALT~\"]\"", "-Ov", "-o", kept.toString(), vcf.toString());
        checkAgainstBcftools(kept);
    }

    @Test
    void triploidCallIsAnError() {
        Path vcf = DebianExamples.unpacked("python-pyvcf-examples").resolve(PYVCF + "example-4.1-ploidy.vcf");
        CliRunner.Result result = CliRunner.run("convert", vcf.toString(), "-o", tmp.resolve("x.tsv").toString());
        assertEquals(1, result.exitCode());
        assertEquals("hapmatrix: " + vcf + ":20: contig 'X', position 60034: sample 'NA00003': 3 alleles in one call;"
                + " only haploid and diploid calls become two haplotypes (drop or recode polyploid samples first,"
                + " e.g. bcftools view -s)\n", result.stderr());
    }

    /** Eagle's reference panel ships as BCF (gzip-wrapped by Debian): BCF in equals its VCF text in. */
    @Test
    void realBcfEqualsItsVcf() throws IOException {
        Path wrapped = DebianExamples.unpacked("bio-eagle-examples").resolve(EAGLE + "ref.bcf.gz");
        Path bcf = tmp.resolve("ref.bcf");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(wrapped))) {
            Files.copy(in, bcf);
        }
        Path vcf = tmp.resolve("ref.vcf");
        tool("bcftools", "view", "-Ov", "-o", vcf.toString(), bcf.toString());
        Path fromBcf = tmp.resolve("bcf.tsv");
        Path fromVcf = tmp.resolve("vcf.tsv");
        assertEquals(0, CliRunner.run("convert", bcf.toString(), "-o", fromBcf.toString(), "-q").exitCode());
        assertEquals(0, CliRunner.run("convert", vcf.toString(), "-o", fromVcf.toString(), "-q").exitCode());
        assertEquals(Files.readString(fromVcf), Files.readString(fromBcf));
        assertTrue(Files.readString(fromBcf).lines().count() > 600);
        checkAgainstBcftools(vcf);
    }

    private void checkAgainstBcftools(Path vcf) throws IOException {
        List<String> samples = List.of(tool("bcftools", "query", "-l", vcf.toString()).split("\n"));
        String query = tool("bcftools", "query", "-f", TGT_QUERY, vcf.toString());
        ReferenceVcf.Matrix expectedMatrix = ReferenceVcf.fromBcftoolsTgt(query, samples, false);
        String expected = ReferenceFormats.table(expectedMatrix.columnNames(), expectedMatrix.rows(),
                new ReferenceFormats.Options(ReferenceVcf.pairs(samples), null, false, false, false));
        Path table = tmp.resolve("real.tsv");
        // The reference writes the contig as PI: phase sets (Complete Genomics' PS) are left out
        // here by naming a tag no header declares; PhaseExtenderTest reads a real file's PS.
        CliRunner.Result result = CliRunner.run("convert", vcf.toString(), "-o", table.toString(), "-q",
                "--phase-set", "NOT_DECLARED");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(expected, Files.readString(table));

        // bcftools writes BCF only with every INFO tag and contig declared, which some of these files
        // do not: INFO is cleared (hapmatrix ignores it) and the contigs come from a tabix index.
        Path cleared = tmp.resolve("cleared.vcf.gz");
        tool("sh", "-c", "bcftools view '" + vcf + "' | awk 'BEGIN{FS=OFS=\"\\t\"} /^#/{print;next} {$8=\".\"; print}'"
                + " | bgzip > '" + cleared + "' && tabix -f -p vcf '" + cleared + "'");
        Path bcf = tmp.resolve("real.bcf");
        tool("bcftools", "view", "-Ob", "-o", bcf.toString(), cleared.toString());
        Path fromBcf = tmp.resolve("real-bcf.tsv");
        assertEquals(0, CliRunner.run("convert", bcf.toString(), "-o", fromBcf.toString(), "-q",
                "--phase-set", "NOT_DECLARED").exitCode());
        assertEquals(expected, Files.readString(fromBcf), "BCF gives what the same file as VCF gives");

        Path out = tmp.resolve("real.vcf.gz");
        assertEquals(0, CliRunner.run("convert", vcf.toString(), "-o", out.toString(), "-q").exitCode());
        assertEquals(samples, List.of(tool("bcftools", "query", "-l", out.toString()).split("\n")));
        // An output record must match one input record of its contig, position and REF (1000 Genomes
        // has several at one position, of which only those with an ALT among the samples are written).
        Map<String, List<String[]>> input = new HashMap<>();
        for (String line : query.split("\n")) {
            String[] fields = line.split("\t");
            input.computeIfAbsent(fields[0] + ":" + fields[1] + ":" + fields[2], k -> new ArrayList<>()).add(fields);
        }
        int compared = 0;
        String written = tool("bcftools", "query", "-f", TGT_QUERY, out.toString());
        for (String line : written.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t");
            List<String[]> candidates = input.getOrDefault(fields[0] + ":" + fields[1] + ":" + fields[2], List.of());
            String[] match = candidates.stream().filter(original -> samePhasedCalls(original, fields)).findFirst().orElse(null);
            assertTrue(match != null, "no input record with REF and the phased calls of " + line);
            for (int i = 3; i < fields.length; i++) {
                compared += isPhasedDiploid(match[i]) ? 1 : 0;
            }
        }
        assertTrue(compared > 0 || written.isEmpty() || !query.contains("|"), "no phased call compared");
        String filled = tool("sh", "-c", "bcftools +fill-tags '" + out + "' -- -t AC,AN | bcftools query -f '%AC\\t%AN\\n'");
        assertEquals(filled, tool("bcftools", "query", "-f", "%AC\\t%AN\\n", out.toString()));
    }

    private static boolean isPhasedDiploid(String call) {
        return call.contains("|") && call.split("\\|").length == 2;
    }

    /** Whether every phased diploid call of the input record has the same allele strings, in order, in the output's. */
    private static boolean samePhasedCalls(String[] original, String[] written) {
        for (int i = 3; i < original.length; i++) {
            if (isPhasedDiploid(original[i]) && !original[i].equals(written[i])) {
                return false;
            }
        }
        return true;
    }

    private String tool(String... command) {
        ExternalTool.Result result = ExternalTool.run(tmp, command);
        assertEquals(0, result.exitCode(), String.join(" ", command) + ": " + result);
        return result.stdout();
    }
}
