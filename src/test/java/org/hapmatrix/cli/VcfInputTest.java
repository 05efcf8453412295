package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.hapmatrix.reference.ReferenceFormats;
import org.hapmatrix.reference.ReferenceVcf;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.VcfGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VCF and BCF input (README "VCF and BCF input") on generated VCFs with every edge case: the
 * table equals the plain-Java reference's reading of the same text, whose reading in turn equals
 * bcftools' ({@code %TGT}); plain, gzip, BGZF, standard input, BCF as a file and as
 * {@code bcftools view -Ou} on standard input; VCF out against bcftools' reading of the input.
 */
class VcfInputTest {
    private static final String TGT_QUERY = "%CHROM\\t%POS\\t%REF[\\t%TGT]\\n";

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        String[] modes = {"plain", "gzip", "bgzf", "stdin", "bcf", "bcf-stdin-u", "bgzf-stdin"};
        for (int seed = 0; seed < 14; seed++) {
            cases.add(Arguments.of(seed, modes[seed % modes.length], seed % 3 == 0));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1}, keep unphased {2}")
    @MethodSource("cases")
    void tableMatchesReferenceAndBcftools(long seed, String mode, boolean keepUnphased) throws IOException {
        VcfGenerator.GeneratedVcf vcf = VcfGenerator.generate(seed, 150 + (int) seed * 20, 1 + (int) (seed % 6));
        Path text = write("in.vcf", vcf.text());
        ReferenceVcf.Matrix naive = ReferenceVcf.fromVcfText(vcf.text(), keepUnphased);
        ExternalTool.Result query = ExternalTool.run(tmp, "bcftools", "query", "-f", TGT_QUERY, text.toString());
        assertEquals(0, query.exitCode(), query.toString());
        ReferenceVcf.Matrix fromBcftools = ReferenceVcf.fromBcftoolsTgt(query.stdout(), vcf.samples(), keepUnphased);
        assertEquals(fromBcftools.rows(), naive.rows(), "the reference reads the VCF as bcftools does");

        String expected = ReferenceFormats.table(naive.columnNames(), naive.rows(),
                new ReferenceFormats.Options(ReferenceVcf.pairs(vcf.samples()), null, false, false, false));
        Path out = tmp.resolve("out.tsv");
        // PI is checked by phaseSetsBecomePi; here a tag the header does not declare keeps PI the contig.
        List<String> args = new ArrayList<>(List.of("convert", "IN", "-o", out.toString(), "--phase-set", "NOT_DECLARED"));
        if (keepUnphased) {
            args.addAll(List.of("--unphased", "keep"));
        }
        CliRunner.Result result = runOn(mode, text, args);
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(expected, Files.readString(out));
        long unphased = unphasedHeterozygous(vcf.text());
        if (unphased > 0) {
            assertTrue(result.stderr().contains(unphased + " unphased heterozygous call(s) "
                    + (keepUnphased ? "kept in written order" : "set to N")), result.stderr());
        }
    }

    /** Runs {@code args} with IN replaced by the input in {@code mode}: a file, or bytes on standard input. */
    private CliRunner.Result runOn(String mode, Path text, List<String> args) throws IOException {
        Path input;
        byte[] stdin = null;
        switch (mode) {
            case "plain" -> input = text;
            case "gzip" -> input = Files.write(tmp.resolve("in.vcf.gz"), gzip(Files.readAllBytes(text)));
            case "bgzf", "bgzf-stdin" -> {
                input = tmp.resolve("in.bgz.vcf.gz");
                bcftools("view", "-Oz", "-o", input.toString(), text.toString());
            }
            case "stdin" -> input = text;
            case "bcf" -> {
                input = tmp.resolve("in.bcf");
                bcftools("view", "-Ob", "-o", input.toString(), text.toString());
            }
            case "bcf-stdin-u" -> {
                input = tmp.resolve("in.u.bcf");
                bcftools("view", "-Ou", "-o", input.toString(), text.toString());
            }
            default -> throw new IllegalArgumentException(mode);
        }
        boolean onStdin = mode.contains("stdin");
        if (onStdin) {
            stdin = Files.readAllBytes(input);
        }
        String[] resolved = args.stream().map(a -> a.equals("IN") ? (onStdin ? "-" : input.toString()) : a)
                .toArray(String[]::new);
        return onStdin ? CliRunner.runWithInput(stdin, resolved) : CliRunner.run(resolved);
    }

    private void bcftools(String... args) {
        List<String> command = new ArrayList<>(List.of("bcftools"));
        command.addAll(List.of(args));
        ExternalTool.Result result = ExternalTool.run(tmp, command.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
    }

    /** Unphased calls whose two alleles differ, counted naively. */
    private static long unphasedHeterozygous(String vcf) {
        long count = 0;
        for (String line : vcf.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            int gt = List.of(fields[8].split(":")).indexOf("GT");
            for (int i = 9; i < fields.length; i++) {
                String[] alleles = fields[i].split(":")[gt].split("/");
                if (alleles.length == 2 && !alleles[0].equals(alleles[1])) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * VCF in, VCF out: for every written site, each phased diploid call has the same allele strings
     * in the same order as bcftools reads in the input, and AC/AN are what bcftools +fill-tags counts.
     */
    @Test
    void vcfOutKeepsAllelesAndPhaseAsBcftoolsReadsThem() throws IOException {
        VcfGenerator.GeneratedVcf vcf = VcfGenerator.generate(99, 600, 5);
        Path in = write("in.vcf", vcf.text());
        Path out = tmp.resolve("out.vcf.gz");
        CliRunner.Result result = CliRunner.run("convert", in.toString(), "-o", out.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(vcf.samples(), List.of(query(out, "-l").split("\n")), "sample names kept");
        Map<String, String[]> input = new HashMap<>();
        for (String line : query(in, "-f", TGT_QUERY).split("\n")) {
            String[] fields = line.split("\t");
            input.put(fields[0] + ":" + fields[1], fields);
        }
        int compared = 0;
        for (String line : query(out, "-f", TGT_QUERY).split("\n")) {
            String[] fields = line.split("\t");
            String[] original = input.get(fields[0] + ":" + fields[1]);
            assertEquals(original[2], fields[2], "REF at " + fields[0] + ":" + fields[1]);
            for (int i = 3; i < fields.length; i++) {
                String call = original[i];
                if (call.contains("|") && call.split("\\|").length == 2) {
                    assertEquals(call, fields[i], "sample " + vcf.samples().get(i - 3) + " at " + fields[0] + ":" + fields[1]);
                    compared++;
                }
            }
        }
        assertTrue(compared > 500, "compared " + compared + " phased calls");
        ExternalTool.Result filled = ExternalTool.run(tmp, "sh", "-c", "bcftools +fill-tags " + out
                + " -- -t AC,AN | bcftools query -f '%AC\\t%AN\\n'");
        assertEquals(0, filled.exitCode(), filled.toString());
        assertEquals(filled.stdout(), query(out, "-f", "%AC\\t%AN\\n"));
    }

    /**
     * Phase sets: each written site's PI per sample is the PS of its phased diploid call, else the
     * contig (no PS, PS '.', unphased, haploid or missing calls), from VCF text and from BCF alike.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"plain", "bcf", "bcf-stdin-u"})
    void phaseSetsBecomePi(String mode) throws IOException {
        VcfGenerator.GeneratedVcf vcf = VcfGenerator.generate(7, 400, 4);
        Path text = write("ps.vcf", vcf.text());
        Map<String, List<String>> expectedPi = new HashMap<>();
        for (String line : vcf.text().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            List<String> keys = List.of(fields[8].split(":"));
            List<String> pis = new ArrayList<>();
            for (int i = 9; i < fields.length; i++) {
                String[] values = fields[i].split(":");
                String gt = values[keys.indexOf("GT")];
                int ps = keys.indexOf("PS");
                boolean phasedDiploid = gt.contains("|") && gt.split("\\|").length == 2;
                pis.add(phasedDiploid && ps >= 0 && ps < values.length && !values[ps].equals(".") ? values[ps] : fields[0]);
            }
            expectedPi.put(fields[0] + ":" + fields[1], pis);
        }
        Path out = tmp.resolve("ps.tsv");
        CliRunner.Result result = runOn(mode, text, List.of("convert", "IN", "-o", out.toString(), "-q"));
        assertEquals(0, result.exitCode(), result.toString());
        int numeric = 0;
        for (String line : Files.readAllLines(out).subList(1, Files.readAllLines(out).size())) {
            String[] fields = line.split("\t");
            List<String> pis = expectedPi.get(fields[0] + ":" + fields[1]);
            for (int sample = 0; sample < pis.size(); sample++) {
                assertEquals(pis.get(sample), fields[4 + 2 * sample], "PI of sample " + sample + " at " + fields[0] + ":" + fields[1]);
                numeric += pis.get(sample).equals(fields[0]) ? 0 : 1;
            }
        }
        assertTrue(numeric > 100, numeric + " PS values compared");

        // VCF out writes them back as PS ('.' where the PI is the contig).
        Path vcfOut = tmp.resolve("ps.out.vcf");
        result = runOn(mode, text, List.of("convert", "IN", "-o", vcfOut.toString(), "-q"));
        assertEquals(0, result.exitCode(), result.toString());
        for (String line : query(vcfOut, "-f", "%CHROM\\t%POS[\\t%PS]\\n").split("\n")) {
            String[] fields = line.split("\t");
            List<String> pis = expectedPi.get(fields[0] + ":" + fields[1]);
            for (int sample = 0; sample < pis.size(); sample++) {
                assertEquals(pis.get(sample).equals(fields[0]) ? "." : pis.get(sample), fields[2 + sample]);
            }
        }
    }

    /** The golden matrix → our VCF → the table again: the table of the golden matrix over its pairs. */
    @Test
    void goldenMatrixThroughVcfGivesTheSameTable() throws IOException {
        Path golden = Path.of("testdata/golden");
        Path matrix = golden.resolve("small_matrix.txt");
        Path header = golden.resolve("small_header.txt");
        Path direct = tmp.resolve("direct.tsv");
        Path vcf = tmp.resolve("golden.vcf.gz");
        Path back = tmp.resolve("back.tsv");
        // ALT over the paired samples: the VCF holds only the pairs (not the unpaired MA611).
        assertEquals(0, CliRunner.run("convert", matrix.toString(), "--header", header.toString(), "-o",
                direct.toString(), "--alt-from", "selected", "-q").exitCode());
        assertEquals(0, CliRunner.run("convert", matrix.toString(), "--header", header.toString(), "-o",
                vcf.toString(), "-q").exitCode());
        CliRunner.Result result = CliRunner.run("convert", vcf.toString(), "-o", back.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(Files.readString(direct), Files.readString(back));
    }

    @Test
    void samplesSelectByVcfNameAndPairsByHaplotypeColumns() throws IOException {
        Path in = write("in.vcf", VcfGenerator.generate(5, 50, 3).text());
        List<String> samples = VcfGenerator.generate(5, 50, 3).samples();
        CliRunner.Result one = CliRunner.run("convert", in.toString(), "--samples", samples.get(1), "-q");
        assertEquals(0, one.exitCode(), one.toString());
        assertEquals("contig\tpos\tref\talt\t" + samples.get(1) + "_PI\t" + samples.get(1) + "_PG_al",
                one.out().lines().findFirst().orElseThrow());
        CliRunner.Result crossed = CliRunner.run("convert", in.toString(), "--pair",
                "X=" + samples.get(0) + "_1," + samples.get(2) + "_2", "-q");
        assertEquals(0, crossed.exitCode(), crossed.toString());
        assertEquals("contig\tpos\tref\talt\tX_PI\tX_PG_al", crossed.out().lines().findFirst().orElseThrow());
        CliRunner.Result unknown = CliRunner.run("convert", in.toString(), "--samples", "nobody", "-q");
        assertEquals(2, unknown.exitCode());
        assertEquals("hapmatrix: " + in + ": unknown sample 'nobody'\n", unknown.stderr());
    }

    /** contigs: from a .tbi or .csi beside a VCF/BCF (equal to bcftools index -s), else by reading it, stdin too. */
    @Test
    void contigsFromIndexOrByReading() throws IOException {
        VcfGenerator.GeneratedVcf vcf = VcfGenerator.generate(11, 120, 2);
        Path text = write("c.vcf", vcf.text());
        String expected = "1\n2\nchrX\n";
        assertEquals(expected, CliRunner.run("contigs", text.toString()).out());
        assertEquals(expected, CliRunner.runWithInput(Files.readAllBytes(text), "contigs", "-").out());
        Path bgzf = tmp.resolve("c.vcf.gz");
        bcftools("view", "-Oz", "-o", bgzf.toString(), text.toString());
        for (String kind : List.of("-t", "-c")) {
            Files.deleteIfExists(tmp.resolve("c.vcf.gz.tbi"));
            Files.deleteIfExists(tmp.resolve("c.vcf.gz.csi"));
            bcftools("index", kind, bgzf.toString());
            assertEquals(listedByBcftools(bgzf), CliRunner.run("contigs", bgzf.toString()).out(), "index " + kind);
        }
        Path bcf = tmp.resolve("c.bcf");
        bcftools("view", "-Ob", "-o", bcf.toString(), text.toString());
        bcftools("index", bcf.toString());
        assertEquals(expected, listedByBcftools(bcf));
        assertEquals(expected, CliRunner.run("contigs", bcf.toString()).out());
        // An index is believed only if it is not older than its data.
        Files.setLastModifiedTime(tmp.resolve("c.bcf.csi"), java.nio.file.attribute.FileTime.fromMillis(0));
        CliRunner.Result stale = CliRunner.run("contigs", bcf.toString());
        assertEquals(1, stale.exitCode());
        assertEquals("hapmatrix: " + bcf + ".csi: index is older than " + bcf + " (stale); re-index with bcftools index -f "
                + bcf + "\n", stale.stderr());
    }

    /**
     * --contigs on a BGZF VCF with a .tbi or .csi: the table of those contigs equals the whole
     * table's rows of them, also when the index's first contig is left out (a seek past the header),
     * and load keeps only them; an unknown contig is named with its index.
     */
    @Test
    void contigsThroughTheIndex() throws IOException {
        VcfGenerator.GeneratedVcf vcf = VcfGenerator.generate(13, 3000, 3);
        Path text = write("i.vcf", vcf.text());
        Path bgzf = tmp.resolve("i.vcf.gz");
        bcftools("view", "-Oz", "-o", bgzf.toString(), text.toString());
        CliRunner.Result whole = CliRunner.run("convert", text.toString(), "-q");
        assertEquals(0, whole.exitCode(), whole.toString());
        for (String kind : List.of("-t", "-c")) {
            Files.deleteIfExists(tmp.resolve("i.vcf.gz.tbi"));
            Files.deleteIfExists(tmp.resolve("i.vcf.gz.csi"));
            bcftools("index", kind, bgzf.toString());
            for (String contigs : List.of("2", "chrX,2", "1")) {
                List<String> wanted = List.of(contigs.split(","));
                String expected = rowsOf(whole.out(), wanted);
                CliRunner.Result selected = CliRunner.run("convert", bgzf.toString(), "--contigs", contigs, "-q");
                assertEquals(0, selected.exitCode(), selected.toString());
                assertEquals(expected, selected.out(), kind + " --contigs " + contigs);
            }
            CliRunner.Result unknown = CliRunner.run("convert", bgzf.toString(), "--contigs", "Y", "-q");
            assertEquals(2, unknown.exitCode());
            assertEquals("hapmatrix: " + bgzf + ": unknown contig 'Y' (not in " + bgzf + (kind.equals("-t") ? ".tbi" : ".csi")
                    + ")\n", unknown.stderr());
        }
        Path db = tmp.resolve("i.duckdb");
        assertEquals(0, CliRunner.run("load", bgzf.toString(), "--contigs", "2", "--db", db.toString(), "-q").exitCode());
        CliRunner.Result loaded = CliRunner.run("sql", "--db", db.toString(), "--format", "tsv",
                "SELECT DISTINCT contig FROM matrix");
        assertEquals(0, loaded.exitCode(), loaded.toString());
        assertTrue(loaded.out().lines().skip(1).allMatch(line -> line.equals("2")), loaded.out());
    }

    /**
     * --contigs on a BCF with its .csi: only those contigs' records are read (the summary's sites
     * read are theirs), the table equals the whole table's rows of them; an index of another BCF
     * is named as not matching, never read as records.
     */
    @Test
    void bcfContigsThroughTheCsi() throws IOException {
        VcfGenerator.GeneratedVcf vcf = VcfGenerator.generate(14, 3000, 3);
        Path text = write("s.vcf", vcf.text());
        Path bcf = tmp.resolve("s.bcf");
        bcftools("view", "-Ob", "-o", bcf.toString(), text.toString());
        bcftools("index", bcf.toString());
        CliRunner.Result whole = CliRunner.run("convert", text.toString(), "-q");
        assertEquals(0, whole.exitCode(), whole.toString());
        for (String contigs : List.of("2", "chrX,2", "1")) {
            List<String> wanted = List.of(contigs.split(","));
            String expected = rowsOf(whole.out(), wanted);
            long records = vcf.text().lines().filter(line -> !line.startsWith("#") && wanted.contains(line.split("\t")[0])).count();
            CliRunner.Result selected = CliRunner.run("convert", bcf.toString(), "--contigs", contigs);
            assertEquals(0, selected.exitCode(), selected.toString());
            assertEquals(expected, selected.out(), "--contigs " + contigs);
            assertTrue(selected.stderr().startsWith("hapmatrix: " + records + " sites read, "), records + " expected: " + selected.stderr());
        }
        // The index of a BCF whose contigs lie elsewhere: its offsets point into this file's other records.
        Path other = tmp.resolve("o.bcf");
        bcftools("view", "-Ob", "-o", other.toString(), "-t", "2", text.toString());
        bcftools("index", other.toString());
        Files.copy(tmp.resolve("o.bcf.csi"), tmp.resolve("s.bcf.csi"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRunner.Result mismatched = CliRunner.run("convert", bcf.toString(), "--contigs", "2", "-q", "-o", tmp.resolve("m.tsv").toString());
        assertEquals(1, mismatched.exitCode(), mismatched.toString());
        assertEquals("hapmatrix: " + bcf + ".csi: index does not match " + bcf + " (no record of contig '2' where it points); "
                + "re-index with bcftools index -f " + bcf + "\n", mismatched.stderr());
        assertFalse(Files.exists(tmp.resolve("m.tsv")));
    }

    /** The header line and the rows of {@code contigs} of a table. */
    private static String rowsOf(String table, List<String> contigs) {
        return table.lines().filter(line -> line.startsWith("contig\t") || contigs.contains(line.split("\t")[0]))
                .map(line -> line + "\n").reduce("", String::concat);
    }

    private String listedByBcftools(Path indexed) {
        ExternalTool.Result stats = ExternalTool.run(tmp, "bcftools", "index", "-s", indexed.toString());
        assertEquals(0, stats.exitCode(), stats.toString());
        StringBuilder names = new StringBuilder();
        stats.stdout().lines().forEach(line -> names.append(line.split("\t")[0]).append('\n'));
        return names.toString();
    }

    /**
     * A UTF-8 byte-order mark before the first line (Windows editors write one) is skipped, as a
     * matrix's is: the VCF is recognised as VCF, not read as a matrix, and reads as without the mark.
     */
    @Test
    void aByteOrderMarkBeforeTheFirstLineIsSkipped() throws IOException {
        VcfGenerator.GeneratedVcf vcf = VcfGenerator.generate(21, 200, 3);
        Path plain = write("plain.vcf", vcf.text());
        Path marked = write("marked.vcf", "\uFEFF" + vcf.text());
        CliRunner.Result expected = CliRunner.run("convert", plain.toString(), "-q", "-o", "-");
        assertEquals(0, expected.exitCode(), expected.toString());
        for (String mode : List.of("plain", "gzip", "stdin")) {
            CliRunner.Result result = runOn(mode, marked, List.of("convert", "IN", "-q", "-o", "-"));
            assertEquals(0, result.exitCode(), mode + ": " + result);
            assertEquals(expected.out(), result.out(), mode);
        }
        CliRunner.Result contigs = CliRunner.run("contigs", marked.toString());
        assertEquals(0, contigs.exitCode(), contigs.toString());
        assertEquals(CliRunner.run("contigs", plain.toString()).out(), contigs.out());
    }

    // ---- bad input: one line naming file and line, no output ---------------------------------

    private static final String HEAD = "##fileformat=VCFv4.2\n##contig=<ID=1>\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n";

    @Test
    void badRecordsNameFileLineContigAndPosition() throws IOException {
        fails(HEAD + "1\t5\t.\tA\tG\t.\t.\t.\tGT\t0|1\t1|1\n1\t7\t.\tA\t<DEL>\t.\t.\t.\tGT\t0|1\t1|1\n",
                ":5: contig '1', position 7: symbolic ALT allele '<DEL>' has no sequence to put on a haplotype;"
                        + " drop such records first, e.g. bcftools view -e 'ALT~\"<\" || ALT~\"\\[\" || ALT~\"]\"'");
        fails(HEAD + "1\t7\t.\tA\tG]2:100]\t.\t.\t.\tGT\t0|1\t1|1\n", ":4: contig '1', position 7: breakend ALT allele 'G]2:100]'");
        fails(HEAD + "1\t7\t.\tA\tG\t.\t.\t.\tGT\t0|1\t1/1/0\n", ":4: contig '1', position 7: sample 'B': 3 alleles in one call;"
                + " only haploid and diploid calls become two haplotypes");
        fails(HEAD + "1\t7\t.\tA\tG\t.\t.\t.\tGT\t0|1\n", ":4: expected 11 columns as in the #CHROM line, found 10");
        fails(HEAD + "1\tx7\t.\tA\tG\t.\t.\t.\tGT\t0|1\t0|0\n", ":4: contig '1': POS 'x7' is not a position");
        fails(HEAD + "1\t7\t.\tA\tG\t.\t.\t.\tGT\t0|2\t0|0\n", ":4: contig '1', position 7: sample 'A': GT allele index 2"
                + " but the site has only 1 ALT allele(s)");
        fails(HEAD + "1\t7\t.\tA\tG\t.\t.\t.\tGT\t0|x\t0|0\n", ":4: contig '1', position 7: sample 'A': GT '0|x' is not a genotype");
        fails("##fileformat=VCFv4.2\n1\t7\t.\tA\tG\t.\t.\t.\tGT\t0|1\n", ":2: expected the #CHROM header line");
        fails("##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n",
                ":2: VCF has no sample column, so no genotype to make haplotypes of");
    }

    /**
     * VCF's Integer is 32-bit: a phase set above 2^31-1, which htslib reads as missing (putting the
     * call in the contig's one phase set), is an error naming file, line and sample; 2^31-1 is kept.
     */
    @Test
    void phaseSetAboveTheLargestVcfIntegerIsAnError() throws IOException {
        String head = "##fileformat=VCFv4.2\n##contig=<ID=1>\n"
                + "##FORMAT=<ID=PS,Number=1,Type=Integer,Description=\"Phase set\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n";
        String largest = "1\t5\t.\tA\tG\t.\t.\t.\tGT:PS\t0|1:2147483647\t1|0:5\n";
        Path in = write("largest.vcf", head + largest);
        CliRunner.Result kept = CliRunner.run("convert", in.toString(), "-q", "-o", "-");
        assertEquals(0, kept.exitCode(), kept.toString());
        assertEquals("contig\tpos\tref\talt\tA_PI\tA_PG_al\tB_PI\tB_PG_al\n1\t5\tA\tG\t2147483647\tA|G\t5\tG|A\n",
                kept.out());

        fails(head + largest + "1\t7\t.\tA\tG\t.\t.\t.\tGT:PS\t0|1:7\t1|0:2147483648\n",
                ":6: contig '1', position 7: sample 'B': phase set PS='2147483648' is above 2147483647, the largest"
                        + " VCF Integer (bcftools view reads it as missing)\n");
        // However many digits: not "not a non-negative integer".
        fails(head + "1\t7\t.\tA\tG\t.\t.\t.\tGT:PS\t0|1:30000000000000000000000\t1|0:7\n",
                ":5: contig '1', position 7: sample 'A': phase set PS='30000000000000000000000' is above 2147483647");
        // An unphased call's PS is ignored (VCF 4.2), whatever it is.
        Path unphased = write("unphased.vcf", head + "1\t7\t.\tA\tG\t.\t.\t.\tGT:PS\t0/0:3000000000\t1|0:7\n");
        CliRunner.Result ignored = CliRunner.run("convert", unphased.toString(), "-q", "-o", "-");
        assertEquals(0, ignored.exitCode(), ignored.toString());
    }

    @Test
    void unphasedErrorNamesTheLine() throws IOException {
        Path in = write("u.vcf", HEAD + "1\t5\t.\tA\tG\t.\t.\t.\tGT\t0|1\t1/1\n1\t6\t.\tA\tG\t.\t.\t.\tGT\t0/1\t1|1\n");
        CliRunner.Result ok = CliRunner.run("convert", in.toString(), "--unphased", "error", "-q",
                "-o", tmp.resolve("ok.tsv").toString(), "--contigs", "1");
        // 1/1 is the same in any phase; 0/1 is not
        Path out = tmp.resolve("o.tsv");
        CliRunner.Result result = CliRunner.run("convert", in.toString(), "--unphased", "error", "-o", out.toString());
        assertEquals(1, result.exitCode());
        assertEquals("hapmatrix: " + in + ":5: contig '1', position 6: sample 'A': unphased heterozygous call (0/1)"
                + " cannot be split into two haplotypes (--unphased missing makes it N, --unphased keep takes the"
                + " written order)\n", result.stderr());
        assertFalse(Files.exists(out));
        assertEquals(1, ok.exitCode());
    }

    @Test
    void truncatedBgzfAndBcf() throws IOException {
        VcfGenerator.GeneratedVcf vcf = VcfGenerator.generate(3, 3000, 4);
        Path text = write("t.vcf", vcf.text());
        Path bgzf = tmp.resolve("t.vcf.gz");
        bcftools("view", "-Oz", "-o", bgzf.toString(), text.toString());
        byte[] bytes = Files.readAllBytes(bgzf);
        Path cut = Files.write(tmp.resolve("cut.vcf.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path out = tmp.resolve("o.tsv");
        CliRunner.Result result = CliRunner.run("convert", cut.toString(), "-o", out.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().matches("hapmatrix: " + cut + ":\\d+: gzip data is truncated\n"), result.stderr());
        assertFalse(Files.exists(out));

        // Cut after a whole block: every block decodes, the end-of-file block is missing, as a matrix says.
        int atBlock = 0;
        while (atBlock < bytes.length / 2) {
            atBlock += ((bytes[atBlock + 16] & 0xff) | (bytes[atBlock + 17] & 0xff) << 8) + 1;
        }
        Path cutAtBlock = Files.write(tmp.resolve("cut-at-block.vcf.gz"), java.util.Arrays.copyOf(bytes, atBlock));
        result = CliRunner.run("convert", cutAtBlock.toString(), "-o", out.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().matches("hapmatrix: " + cutAtBlock
                + ":\\d+: gzip data is truncated \\(no BGZF end-of-file block\\)\n"), result.stderr());
        assertFalse(Files.exists(out));

        Path bcf = tmp.resolve("t.bcf");
        bcftools("view", "-Ob", "-o", bcf.toString(), text.toString());
        bytes = Files.readAllBytes(bcf);
        Path cutBcf = Files.write(tmp.resolve("cut.bcf"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        result = CliRunner.run("convert", cutBcf.toString(), "-o", out.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().matches("hapmatrix: " + cutBcf + ": record \\d+: BCF is truncated.*\n"), result.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void headerFileIsForTheMatrixOnly() throws IOException {
        Path in = write("h.vcf", HEAD + "1\t5\t.\tA\tG\t.\t.\t.\tGT\t0|1\t1|1\n");
        Path header = write("header.txt", "CHROM\tPOS\tREF\tx\n");
        CliRunner.Result result = CliRunner.run("convert", in.toString(), "--header", header.toString(), "-q");
        assertEquals(2, result.exitCode());
        assertEquals("hapmatrix: " + in + ": is VCF, whose #CHROM line names the samples; --header is for a genome"
                + " matrix only\n", result.stderr());
    }

    private void fails(String vcf, String message) throws IOException {
        Path in = write("bad.vcf", vcf);
        Path out = tmp.resolve("bad.tsv");
        CliRunner.Result result = CliRunner.run("convert", in.toString(), "-o", out.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("hapmatrix: " + in + message), result.stderr());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertFalse(Files.exists(out));
    }

    private String query(Path file, String... args) {
        List<String> command = new ArrayList<>(List.of("bcftools", "query"));
        command.addAll(List.of(args));
        command.add(file.toString());
        ExternalTool.Result result = ExternalTool.run(tmp, command.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        return result.stdout();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }
}
