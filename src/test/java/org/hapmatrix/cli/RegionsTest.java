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
 * from export, at any thread count.
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

    @Test
    void aBadRegionIsAUsageErrorAndABadRegionsFileLineNamesItsLine() throws IOException {
        CliRunner.Result bad = CliRunner.run("convert", "testdata/example/three_sites.txt", "-r", "chr1:-5", "-q");
        assertEquals(2, bad.exitCode());
        assertEquals("hapmatrix: -r 'chr1:-5': 'chr1:-5' is not CHROM:FROM-TO with 1 <= FROM <= TO\n", bad.stderr());
        Path bed = tmp.resolve("bad.bed");
        Files.writeString(bed, "chr1\t5\t10\nchr1\t9\t9\n");
        CliRunner.Result badBed = CliRunner.run("convert", "testdata/example/three_sites.txt", "-R", bed.toString(), "-q");
        assertEquals(1, badBed.exitCode());
        assertEquals("hapmatrix: " + bed + ":2: not a BED line (CHROM, START, END: 0-based, half-open, START < END)\n",
                badBed.stderr());
    }
}
