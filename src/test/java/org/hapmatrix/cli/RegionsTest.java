package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.testsupport.VcfSafeMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -r} and {@code -R} write exactly the records that {@code bcftools view -r/-R} keeps of
 * the whole-file VCF (a record overlapping a region, multi-base REFs included), from convert and
 * from export, at any thread count; {@code load -r/-R} loads just those sites.
 */
class RegionsTest {
    @TempDir
    Path tmp;

    private static void run(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("-q");
        CliRunner.Result result = CliRunner.run(all.toArray(String[]::new));
        assertEquals(0, result.exitCode(), all + ": " + result.stderr());
    }

    private String records(String... args) {
        List<String> command = new ArrayList<>(List.of("bcftools", "view", "-H"));
        command.addAll(List.of(args));
        return ExternalTool.succeed(tmp, command.toArray(String[]::new));
    }

    @Test
    void regionsWriteWhatBcftoolsViewKeepsOfTheWholeFile() throws IOException {
        Path input = tmp.resolve("m.txt");
        VcfSafeMatrix.of(MatrixGenerator.generate(4), new Random(4)).writeTo(input, true);
        Path whole = tmp.resolve("whole.vcf.gz");
        run(List.of("convert", input.toString(), "-o", whole.toString()));
        Path db = tmp.resolve("m.duckdb");
        run(List.of("load", input.toString(), "--db", db.toString()));
        List<String> contigs = ExternalTool.succeed(tmp, "bcftools", "query", "-f", "%CHROM\\t%POS\\n", whole.toString())
                .lines().toList();
        assertTrue(contigs.size() > 20, "enough records to cut: " + contigs.size());
        String[] first = contigs.get(0).split("\t");
        String[] middle = contigs.get(contigs.size() / 2).split("\t");
        String[] last = contigs.get(contigs.size() - 1).split("\t");
        long mid = Long.parseLong(middle[1]);
        List<String> regionLists = List.of(
                first[0],
                middle[0] + ":" + mid,
                middle[0] + ":" + (mid - 40) + "-" + (mid + 40),
                first[0] + ":1-" + first[1] + "," + middle[0] + ":" + mid + "-",
                first[0] + ":1-" + first[1] + "," + last[0] + ":" + (Long.parseLong(last[1]) - 100) + "-"
                        + (Long.parseLong(last[1]) + 5) + ",no_such_contig:1-5");
        // Contigs are listed in the file's order here: bcftools writes them in the order -r names
        // them, hapmatrix in the output's contig order (documented in formats.md).
        for (String regions : regionLists) {
            String expected = records("-r", regions, whole.toString());
            for (String threads : List.of("1", "2", "8")) {
                Path converted = tmp.resolve("c" + threads + ".vcf");
                run(List.of("convert", input.toString(), "-r", regions, "-o", converted.toString(), "--threads", threads));
                assertEquals(expected, records(converted.toString()), "convert -r " + regions);
                Path exported = tmp.resolve("e" + threads + ".vcf");
                run(List.of("export", "--db", db.toString(), "--regions", regions, "-o", exported.toString(), "--threads", threads));
                assertEquals(expected, records(exported.toString()), "export -r " + regions);
            }
        }
        // -R: BED is 0-based half-open, other files 1-based inclusive; the same spans either way.
        Path bed = tmp.resolve("r.BED");
        Path tsv = tmp.resolve("r.tsv");
        Files.writeString(bed, "# comment\n" + first[0] + "\t0\t" + first[1] + "\n" + middle[0] + "\t" + (mid - 41) + "\t" + (mid + 40) + "\n");
        // Every line with its TO: bcftools takes the column layout from the first line, hapmatrix from each line.
        Files.writeString(tsv, first[0] + "\t" + first[1] + "\t" + first[1] + "\n" + middle[0] + "\t" + (mid - 40) + "\t" + (mid + 40) + "\n");
        for (Path file : List.of(bed, tsv)) {
            String expected = records("-R", file.toString(), whole.toString());
            assertFalse(expected.isEmpty());
            Path out = tmp.resolve("R.vcf");
            run(List.of("export", "--db", db.toString(), "-R", file.toString(), "-o", out.toString()));
            assertEquals(expected, records(out.toString()), file.toString());
        }
    }

    /**
     * {@code load -r/-R}: the database holds only the regions' sites, so its whole export is what
     * bcftools view -r/-R keeps of the whole-file VCF; with --contigs, only the regions on those.
     */
    @Test
    void loadWithRegionsHoldsWhatBcftoolsViewKeepsOfTheWholeFile() throws IOException {
        Path input = tmp.resolve("m.txt");
        VcfSafeMatrix.of(MatrixGenerator.generate(4), new Random(4)).writeTo(input, true);
        Path whole = tmp.resolve("whole.vcf.gz");
        run(List.of("convert", input.toString(), "-o", whole.toString()));
        List<String> sites = ExternalTool.succeed(tmp, "bcftools", "query", "-f", "%CHROM\\t%POS\\n", whole.toString())
                .lines().toList();
        String[] first = sites.get(0).split("\t");
        String[] middle = sites.get(sites.size() / 2).split("\t");
        long mid = Long.parseLong(middle[1]);
        Path db = tmp.resolve("r.duckdb");
        Path out = tmp.resolve("r.vcf");
        for (String regions : List.of(first[0], middle[0] + ":" + (mid - 40) + "-" + (mid + 40),
                first[0] + ":1-" + first[1] + "," + middle[0] + ":" + mid + "-,no_such_contig:1-5")) {
            String expected = records("-r", regions, whole.toString());
            run(List.of("load", input.toString(), "--db", db.toString(), "-r", regions));
            run(List.of("export", "--db", db.toString(), "-o", out.toString()));
            assertEquals(expected, records(out.toString()), "load -r " + regions);
        }
        Path bed = tmp.resolve("r.bed");
        Files.writeString(bed, first[0] + "\t0\t" + first[1] + "\n" + middle[0] + "\t" + (mid - 41) + "\t" + (mid + 40) + "\n");
        run(List.of("load", input.toString(), "--db", db.toString(), "-R", bed.toString(), "--contigs", middle[0]));
        run(List.of("export", "--db", db.toString(), "-o", out.toString()));
        String expected = records("-r", middle[0] + ":" + (mid - 40) + "-" + (mid + 40), whole.toString());
        assertFalse(expected.isEmpty());
        assertEquals(expected, records(out.toString()), "load -R with --contigs");
        CliRunner.Result none = CliRunner.run("load", input.toString(), "--db", db.toString(), "-r", "no_such_contig");
        assertEquals(0, none.exitCode(), none.toString());
        assertTrue(none.stderr().contains("0 sites loaded"), none.stderr());
    }

    /** A VCF's phase sets, numbered by its records, follow the sites load -r keeps: export equals convert -r. */
    @Test
    void loadWithRegionsKeepsTheKeptSitesPhaseSets() throws IOException {
        Path vcf = tmp.resolve("ps.vcf");
        Files.writeString(vcf, org.hapmatrix.testsupport.VcfGenerator.generate(7, 400, 4).text());
        String regions = "1:50-300,2,chrX:100-";
        Path db = tmp.resolve("ps.duckdb");
        run(List.of("load", vcf.toString(), "--db", db.toString(), "-r", regions));
        Path loaded = tmp.resolve("loaded.vcf");
        run(List.of("export", "--db", db.toString(), "-o", loaded.toString()));
        Path converted = tmp.resolve("converted.vcf");
        run(List.of("convert", vcf.toString(), "-r", regions, "-o", converted.toString()));
        String expected = records(converted.toString());
        assertTrue(expected.contains("GT:PS"), "the regions hold phase sets");
        assertEquals(expected, records(loaded.toString()));
    }

    /**
     * A table's positions go up to 2^63-1: a whole-contig region and an open-ended one reach them,
     * and a REF ending past the last position overlaps (no overflow), in convert and in export.
     */
    @Test
    void regionsReachTheLastPositionAMatrixCanHold() throws IOException {
        Path input = Files.writeString(tmp.resolve("far.txt"), "c\tp\tr\t1a\t1b\n"
                + "c1\t4611686018427387904\tA\tG\tA\n" // 2^62
                + "c1\t9223372036854775806\tATG\tG\tA\n"
                + "c1\t9223372036854775807\tA\tC\tA\n");
        String header = "contig\tpos\tref\talt\t1a1b_PI\t1a1b_PG_al\n";
        String far = "c1\t9223372036854775806\tATG\tA,G\tc1\tG|A\nc1\t9223372036854775807\tA\tC\tc1\tC|A\n";
        String all = header + "c1\t4611686018427387904\tA\tG\tc1\tG|A\n" + far;
        Path db = tmp.resolve("far.duckdb");
        run(List.of("load", input.toString(), "--db", db.toString()));
        for (String[] region : new String[][] {{"c1", all}, {"c1:9223372036854775000-", header + far},
                                               {"c1:9223372036854775807", header + far}}) {
            Path converted = tmp.resolve("converted.txt");
            run(List.of("convert", input.toString(), "-r", region[0], "-o", converted.toString()));
            assertEquals(region[1], Files.readString(converted), "convert -r " + region[0]);
            Path exported = tmp.resolve("exported.txt");
            run(List.of("export", "--db", db.toString(), "-r", region[0], "-o", exported.toString()));
            assertEquals(region[1], Files.readString(exported), "export -r " + region[0]);
        }
    }

    @Test
    void aBadRegionOrAMissingRegionsFileIsAUsageErrorAndABadRegionsFileLineNamesItsLine() throws IOException {
        CliRunner.Result bad = CliRunner.run("convert", "testdata/example/three_sites.txt", "-r", "chr1:-5", "-q");
        assertEquals(2, bad.exitCode());
        assertEquals("hapmatrix: -r 'chr1:-5': 'chr1:-5' is not CHROM:FROM-TO with 1 <= FROM <= TO\n", bad.stderr());
        Path bed = tmp.resolve("bad.bed");
        Files.writeString(bed, "chr1\t5\t10\nchr1\t9\t9\n");
        CliRunner.Result badBed = CliRunner.run("convert", "testdata/example/three_sites.txt", "-R", bed.toString(), "-q");
        assertEquals(1, badBed.exitCode());
        assertEquals("hapmatrix: " + bed + ":2: not a BED line (CHROM, START, END: 0-based, half-open, START < END)\n",
                badBed.stderr());
        Path missing = tmp.resolve("no-such.bed");
        CliRunner.Result missingBed = CliRunner.run("convert", "testdata/example/three_sites.txt", "-R", missing.toString(), "-q");
        assertEquals(2, missingBed.exitCode());
        assertEquals("hapmatrix: " + missing + ": no such file\n", missingBed.stderr());
    }

    /** A folder given as -R reads like the other wrong kinds of path (it said "cannot read the regions file: Is a directory"). */
    @Test
    void aFolderAsTheRegionsFileIsAUsageErrorNamingIt() throws IOException {
        Path folder = Files.createDirectory(tmp.resolve("regions.bed"));
        Path db = tmp.resolve("m.duckdb");
        run(List.of("load", "testdata/example/three_sites.txt", "--db", db.toString()));
        Path out = tmp.resolve("out.txt");
        Path newDb = tmp.resolve("new.duckdb");
        List<List<String>> commandLines = List.of(
                List.of("convert", "testdata/example/three_sites.txt", "-R", folder.toString(), "-o", out.toString()),
                List.of("export", "--db", db.toString(), "-R", folder.toString(), "-o", out.toString()),
                List.of("load", "testdata/example/three_sites.txt", "--db", newDb.toString(), "-R", folder.toString()));
        for (List<String> commandLine : commandLines) {
            CliRunner.Result result = CliRunner.run(commandLine.toArray(String[]::new));
            assertEquals(2, result.exitCode(), commandLine + ": " + result);
            assertEquals("hapmatrix: " + folder + ": is a directory, not a regions file\n", result.stderr(), commandLine.toString());
            assertFalse(Files.exists(out) || Files.exists(newDb), commandLine.toString());
        }
    }
}
