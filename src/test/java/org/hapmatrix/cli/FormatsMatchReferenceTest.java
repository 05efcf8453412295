package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferenceFormats.Options;
import org.hapmatrix.reference.ReferenceFormats.VcfSiteError;
import org.hapmatrix.reference.ReferenceFormats;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.testsupport.VcfSafeMatrix;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code convert} and {@code export} in every format (README "Output formats") against the
 * plain reference on generated matrices: multi-allelic sites, gaps, N, N as REF, multi-base
 * alleles, explicit pairs, --samples, --contigs, --alt-from selected, --missing both ways. Each
 * seed picks its own options. Most seeds' matrices are first made VCF-safe (positions within a
 * .tbi index's reach, alleles VCF can hold); the others keep whatever VCF cannot hold, and then
 * hapmatrix must fail on the reference's first such site. VCF output is checked by Debian's
 * bcftools and tabix and by htsjdk's reader.
 */
class FormatsMatchReferenceTest {
    private static final String QUERY_FORMAT = "%CHROM\t%POS\t%REF\t%ALT[\t%GT]\n";

    @TempDir
    Path tmp;

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyFormatEqualsTheReference(long seed) throws IOException {
        Random options = new Random(seed * 6151 + 3);
        GeneratedMatrix matrix = MatrixGenerator.generate(seed);
        if (options.nextInt(4) != 0) {
            matrix = VcfSafeMatrix.of(matrix, options);
        }
        if (matrix.rows().isEmpty()) {
            return; // an empty matrix is an error case, covered by the error tests
        }
        Path input = tmp.resolve("matrix.txt");
        matrix.writeTo(input, true);

        List<String> selection = new ArrayList<>();
        List<ReferencePair> pairs = ReferenceConverter.defaultPairs(matrix.columnNames());
        if (options.nextInt(3) == 0 && matrix.sampleNames().size() >= 2) {
            pairs = randomPairs(matrix.sampleNames(), options);
            pairs.forEach(p -> selection.addAll(List.of("--pair", p.name() + "=" + p.sampleA() + "," + p.sampleB())));
        }
        if (options.nextInt(4) == 0 && !pairs.isEmpty()) {
            List<String> kept = new ArrayList<>();
            for (ReferencePair pair : pairs) {
                if (options.nextBoolean()) {
                    kept.add(pair.sampleA());
                    kept.add(pair.sampleB());
                }
            }
            if (kept.isEmpty()) {
                kept.add(pairs.get(0).sampleA());
                kept.add(pairs.get(0).sampleB());
            }
            Set<String> keptSet = Set.copyOf(kept);
            pairs = pairs.stream().filter(p -> keptSet.contains(p.sampleA()) && keptSet.contains(p.sampleB())).toList();
            selection.addAll(List.of("--samples", String.join(",", new LinkedHashSet<>(kept))));
        }
        Set<String> contigs = null;
        List<String> allContigs = ReferenceFormats.contigsInOrder(matrix.rows(), null);
        if (options.nextInt(3) == 0) {
            List<String> shuffled = new ArrayList<>(allContigs);
            Collections.shuffle(shuffled, options);
            contigs = new LinkedHashSet<>(shuffled.subList(0, 1 + options.nextInt(shuffled.size())));
            selection.addAll(List.of("--contigs", String.join(",", contigs)));
        }
        boolean altFromSelected = !pairs.isEmpty() && options.nextInt(3) == 0;
        if (altFromSelected) {
            selection.addAll(List.of("--alt-from", "selected"));
        }
        String format = List.of("tsv", "vcf", "vcf.gz", "phase-extender").get(options.nextInt(4));
        boolean tsv = format.equals("tsv");
        Boolean missingDot = options.nextBoolean() ? null : options.nextBoolean();
        if (missingDot != null) {
            selection.addAll(List.of("--missing", missingDot ? "dot" : "ref"));
        }
        boolean dot = missingDot != null ? missingDot : !tsv;
        Options reference = new Options(pairs, contigs, altFromSelected, dot, format.equals("vcf.gz"));

        Path output = tmp.resolve(switch (format) {
            case "vcf" -> "out.vcf";
            case "vcf.gz" -> "out.vcf.gz";
            default -> "out.txt";
        });
        List<String> args = new ArrayList<>(List.of("convert", input.toString(), "-o", output.toString(), "-q",
                "--threads", Integer.toString(1 + options.nextInt(4))));
        if (format.equals("phase-extender") || tsv && options.nextBoolean()) {
            args.addAll(List.of("--format", format));
        }
        args.addAll(selection);
        if (reference.pairs().isEmpty()) {
            args.add("--sites-only"); // a run without pairs is otherwise refused (NoPairSelectedTest)
        }

        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        String command = String.join(" ", args);
        if (!format.startsWith("vcf")) {
            assertEquals(0, result.exitCode(), () -> command + " -> " + result);
            String expected = tsv ? ReferenceFormats.table(matrix.columnNames(), matrix.rows(), reference)
                    : ReferenceFormats.phaseExtender(matrix.columnNames(), matrix.rows(), reference);
            assertEquals(expected, Files.readString(output, StandardCharsets.UTF_8), command);
            return;
        }
        List<String> records;
        try {
            records = ReferenceFormats.vcfRecords(matrix.columnNames(), matrix.rows(), reference);
        } catch (VcfSiteError expected) {
            assertEquals(1, result.exitCode(), () -> command + " -> " + result);
            assertTrue(result.stderr().contains("contig '" + expected.contig + "', position " + expected.position + ": ")
                    && result.stderr().contains(expected.detail), () -> expected.getMessage() + " vs " + result.stderr());
            assertFalse(Files.exists(output), "no output after a failure");
            assertFalse(Files.exists(Path.of(output + ".tbi")), "no index after a failure");
            return;
        }
        assertEquals(0, result.exitCode(), () -> command + " -> " + result);
        String expectedHeader = ReferenceFormats.vcfHeader(matrix.columnNames(), matrix.rows(), reference);
        String text = readVcf(output);
        assertEquals(expectedHeader + lines(records), withoutRunLines(text), command);
        assertTrue(text.contains("\n##hapmatrix_command=hapmatrix convert "), text.lines().limit(3).toList().toString());
        assertTrue(text.startsWith("##fileformat=VCFv4.2\n##source=hapmatrix "), command);
        checkWithDownstreamTools(output, pairs, records, format.equals("vcf.gz"), options);
    }

    /** bcftools view, query, +fill-tags and (indexed) region queries; tabix; htsjdk's reader. */
    private void checkWithDownstreamTools(Path vcf, List<ReferencePair> pairs, List<String> records, boolean indexed,
                                          Random random) {
        String file = vcf.toString();
        ExternalTool.Result view = ExternalTool.run(tmp, "bcftools", "view", "-Ov", "-o", "/dev/null", file);
        assertEquals(0, view.exitCode(), view.toString());
        assertEquals("", view.stderr(), "bcftools view warns");

        ExternalTool.Result query = ExternalTool.run(tmp, "bcftools", "query", "-f", QUERY_FORMAT, file);
        assertEquals("", query.stderr());
        assertEquals(lines(queryView(records)), query.stdout());

        ExternalTool.Result samples = ExternalTool.run(tmp, "bcftools", "query", "-l", file);
        assertEquals(lines(pairs.stream().map(ReferencePair::name).toList()), samples.stdout());

        Path filled = tmp.resolve("filled.vcf");
        ExternalTool.Result fill = ExternalTool.run(tmp, "bcftools", "+fill-tags", file, "-Ov", "-o", filled.toString(),
                "--", "-t", "AC,AN");
        assertEquals(0, fill.exitCode(), fill.toString());
        assertEquals(ExternalTool.run(tmp, "bcftools", "query", "-f", "%AC\t%AN\n", file).stdout(),
                ExternalTool.run(tmp, "bcftools", "query", "-f", "%AC\t%AN\n", filled.toString()).stdout(),
                "+fill-tags changed AC/AN");

        List<VariantContext> read = new ArrayList<>();
        try (VCFFileReader reader = new VCFFileReader(vcf, false)) {
            reader.iterator().forEachRemaining(read::add);
            assertEquals(pairs.stream().map(ReferencePair::name).toList(), reader.getFileHeader().getGenotypeSamples());
        }
        assertEquals(records.size(), read.size());
        for (int i = 0; i < read.size(); i++) {
            String[] fields = records.get(i).split("\t", -1);
            assertEquals(fields[0] + ":" + fields[1] + ":" + fields[3], read.get(i).getContig() + ":" + read.get(i).getStart()
                    + ":" + read.get(i).getReference().getBaseString());
        }

        if (indexed && !records.isEmpty()) {
            String[] site = records.get(random.nextInt(records.size())).split("\t", -1);
            long from = Math.max(1, Long.parseLong(site[1]) - random.nextInt(30));
            long to = Long.parseLong(site[1]) + random.nextInt(30);
            String region = site[0] + ":" + from + "-" + to;
            List<String> expected = records.stream().filter(r -> overlaps(r, site[0], from, to)).toList();
            ExternalTool.Result byRegion = ExternalTool.run(tmp, "bcftools", "view", "-H", "-r", region, file);
            assertEquals("", byRegion.stderr(), region);
            assertEquals(lines(expected), byRegion.stdout(), region);
            ExternalTool.Result tabix = ExternalTool.run(tmp, "tabix", file, region);
            assertEquals("", tabix.stderr(), region);
            assertEquals(lines(expected), tabix.stdout(), region);
            try (VCFFileReader reader = new VCFFileReader(vcf, true)) {
                List<Integer> starts = new ArrayList<>();
                reader.query(site[0], (int) from, (int) to).forEachRemaining(v -> starts.add(v.getStart()));
                assertEquals(expected.stream().map(r -> Integer.valueOf(r.split("\t")[1])).toList(), starts, region);
            }
        }
    }

    private static boolean overlaps(String record, String contig, long from, long to) {
        String[] fields = record.split("\t", -1);
        long start = Long.parseLong(fields[1]);
        long end = start + fields[3].length() - 1;
        return fields[0].equals(contig) && start <= to && end >= from;
    }

    /** What {@code bcftools query -f '%CHROM\t%POS\t%REF\t%ALT[\t%GT]\n'} prints for the records. */
    private static List<String> queryView(List<String> records) {
        List<String> lines = new ArrayList<>();
        for (String record : records) {
            String[] fields = record.split("\t", -1);
            StringBuilder line = new StringBuilder(fields[0] + "\t" + fields[1] + "\t" + fields[3] + "\t" + fields[4]);
            for (int i = 9; i < fields.length; i++) {
                line.append('\t').append(fields[i]);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<ReferencePair> randomPairs(List<String> samples, Random random) {
        List<ReferencePair> pairs = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            List<String> shuffled = new ArrayList<>(samples);
            Collections.shuffle(shuffled, random);
            pairs.add(new ReferencePair("pair" + i + "_" + shuffled.get(0), shuffled.get(0), shuffled.get(1)));
        }
        return pairs;
    }

    static String lines(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** The VCF text without the lines that name the run (##source, ##hapmatrix_command). */
    static String withoutRunLines(String vcf) {
        return Arrays.stream(vcf.split("\n", -1))
                .filter(line -> !line.startsWith("##source=") && !line.startsWith("##hapmatrix_command=")
                        && !line.startsWith("##hapmatrix_options="))
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    static String readVcf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (file.toString().endsWith(".gz")) {
            bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
