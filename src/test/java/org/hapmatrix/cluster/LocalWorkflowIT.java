package org.hapmatrix.cluster;

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
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * workflow/Snakefile (config/config.yaml, workflow/schemas/config.schema.yaml) run by the real
 * snakemake on this machine (local jobs): the gathered output equals one convert of the packaged
 * command, for an indexed matrix and for a plain one with a header file, also from a folder whose
 * path holds a space; the work folder goes after success unless kept; a wrong configuration is
 * one clear line before any job; {@code snakemake --lint} finds nothing.
 */
class LocalWorkflowIT {
    private static final Path SNAKEFILE = ScriptRunner.PROJECT.resolve("workflow/Snakefile");
    private static final Path CONTIG_GROUPS = ScriptRunner.PROJECT.resolve("workflow/scripts/contig-groups.sh");
    private static final Path SUBMIT = ScriptRunner.PROJECT.resolve("workflow/sbatch/submit.sh");

    @TempDir
    Path tmp;

    private ScriptRunner.Outcome snakemake(String... config) throws Exception {
        return snakemakeIn(tmp, config);
    }

    private static ScriptRunner.Outcome snakemakeIn(Path directory, String... config) throws Exception {
        List<String> command = new ArrayList<>(List.of("snakemake", "-s", SNAKEFILE.toString(), "-j", "2", "--config",
                "hapmatrix=" + ScriptRunner.LAUNCHER));
        command.addAll(List.of(config));
        return ScriptRunner.run(directory, 300, Map.of(), command);
    }

    private byte[] convert(Path matrix, String... options) throws Exception {
        Path output = tmp.resolve("expected-" + matrix.getFileName() + ".txt");
        List<String> command = new ArrayList<>(List.of(ScriptRunner.LAUNCHER.toString(), "convert", matrix.toString(),
                "-o", output.toString(), "-q"));
        command.addAll(List.of(options));
        ScriptRunner.Outcome outcome = ScriptRunner.run(tmp, 120, Map.of(), command);
        assertEquals(0, outcome.exitCode(), outcome.log());
        return Files.readAllBytes(output);
    }

    private static int jobsOf(String rule, ScriptRunner.Outcome outcome) {
        return outcome.log().split("rule " + rule + ":", -1).length - 1;
    }

    @Test
    void indexedMatrixInGroupsOfContigsGivesOneConvertsBytesAndLeavesNoWorkFolder() throws Exception {
        GeneratedMatrix matrix = ClusterMatrices.sorted(3, 800);
        Path plain = tmp.resolve("m.txt");
        matrix.writeTo(plain, true);
        Path indexed = ExternalTool.bgzipAndIndex(plain, 1);
        Path output = tmp.resolve("gathered.txt.gz");
        ScriptRunner.Outcome outcome = snakemake("matrix=" + indexed, "output=" + output, "contigs_per_job=3",
                "threads=1", "mem_mb=1024");
        assertEquals(0, outcome.exitCode(), outcome.log());
        assertArrayEquals(convert(indexed), gunzip(output));
        // 7 contigs in groups of 3: three convert jobs; after success neither parts nor groups nor logs
        assertEquals(3, jobsOf("convert_group", outcome), outcome.log());
        assertFalse(Files.exists(tmp.resolve("gathered.txt.gz.hapmatrix-work")), "work folder left after success");
        // and a second run finds everything done: the removed contig lists do not make it start again
        ScriptRunner.Outcome again = snakemake("matrix=" + indexed, "output=" + output, "contigs_per_job=3",
                "threads=1", "mem_mb=1024");
        assertEquals(0, again.exitCode(), again.log());
        assertTrue(again.log().contains("Nothing to be done"), again.log());
    }

    @Test
    void keepWorkKeepsTheContigListsAndTheLogsButNotTheParts() throws Exception {
        GeneratedMatrix matrix = ClusterMatrices.sorted(6, 100);
        Path plain = tmp.resolve("k.txt");
        matrix.writeTo(plain, true);
        Path output = tmp.resolve("kept.txt");
        ScriptRunner.Outcome outcome = snakemake("matrix=" + plain, "output=" + output, "contigs_per_job=4",
                "keep_work=True");
        assertEquals(0, outcome.exitCode(), outcome.log());
        assertArrayEquals(convert(plain), Files.readAllBytes(output));
        Path work = tmp.resolve("kept.txt.hapmatrix-work");
        assertEquals(String.join("\n", ClusterMatrices.CONTIGS.subList(0, 4)) + "\n",
                Files.readString(work.resolve("groups/000001.contigs"), StandardCharsets.UTF_8));
        assertEquals(String.join("\n", ClusterMatrices.CONTIGS.subList(4, 7)) + "\n",
                Files.readString(work.resolve("groups/000002.contigs"), StandardCharsets.UTF_8));
        assertTrue(Files.exists(work.resolve("logs/convert/000002.log")));
        assertTrue(Files.exists(work.resolve("logs/concat.log")));
        assertFalse(Files.exists(work.resolve("parts/000001.txt")), "a temporary part was kept");
    }

    @Test
    void aWorkFolderOfTheUsersLosesOnlyWhatTheWorkflowWroteThere() throws Exception {
        GeneratedMatrix matrix = ClusterMatrices.sorted(8, 50);
        Path plain = tmp.resolve("u.txt");
        matrix.writeTo(plain, true);
        Path work = Files.createDirectories(tmp.resolve("scratch"));
        Files.writeString(work.resolve("mine.txt"), "not the workflow's\n");
        ScriptRunner.Outcome outcome = snakemake("matrix=" + plain, "output=" + tmp.resolve("u-out.txt"),
                "work=" + work, "contigs_per_job=7");
        assertEquals(0, outcome.exitCode(), outcome.log());
        try (var left = Files.list(work)) {
            assertEquals(List.of(work.resolve("mine.txt")), left.toList());
        }
    }

    @Test
    void runsFromAFolderWhosePathHoldsASpace() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("my project/run 1"));
        GeneratedMatrix matrix = ClusterMatrices.sorted(9, 200);
        Path plain = folder.resolve("matrix with space.txt");
        matrix.writeTo(plain, true);
        Path indexed = ExternalTool.bgzipAndIndex(plain, 1);
        // relative names, as a user in that folder types them
        ScriptRunner.Outcome outcome = snakemakeIn(folder, "matrix=matrix with space.txt.gz",
                "output=gathered result.txt", "contigs_per_job=2", "threads=1", "mem_mb=1024");
        assertEquals(0, outcome.exitCode(), outcome.log());
        assertArrayEquals(convert(indexed), Files.readAllBytes(folder.resolve("gathered result.txt")));
        assertEquals(4, jobsOf("convert_group", outcome), outcome.log());
        assertFalse(Files.exists(folder.resolve("gathered result.txt.hapmatrix-work")));
    }

    @Test
    void plainMatrixWithAHeaderFileAndExtraOptions() throws Exception {
        GeneratedMatrix matrix = ClusterMatrices.sorted(4, 300);
        Path plain = tmp.resolve("headerless.txt");
        matrix.writeTo(plain, false);
        Path header = tmp.resolve("header.txt");
        matrix.writeHeaderFile(header);
        Path output = tmp.resolve("gathered.txt");
        ScriptRunner.Outcome outcome = snakemake("matrix=" + plain, "output=" + output, "header=" + header,
                "options=--samples 1a,1b,2a,2b");
        assertEquals(0, outcome.exitCode(), outcome.log());
        assertArrayEquals(convert(plain, "--header", header.toString(), "--samples", "1a,1b,2a,2b"),
                Files.readAllBytes(output));
    }

    @Test
    void vcfGzOutputIsTheConvertsVcfWithANewIndex() throws Exception {
        GeneratedMatrix matrix = ClusterMatrices.sorted(5, 300, ClusterMatrices.VCF_CONTIGS);
        Path plain = tmp.resolve("v.txt");
        matrix.writeTo(plain, true);
        Path indexed = ExternalTool.bgzipAndIndex(plain, 1);
        Path output = tmp.resolve("gathered.vcf.gz");
        ScriptRunner.Outcome outcome = snakemake("matrix=" + indexed, "output=" + output, "contigs_per_job=2", "threads=1");
        assertEquals(0, outcome.exitCode(), outcome.log());
        Path whole = tmp.resolve("whole.vcf");
        ScriptRunner.Outcome convert = ScriptRunner.run(tmp, 120, Map.of(), List.of(ScriptRunner.LAUNCHER.toString(),
                "convert", indexed.toString(), "-o", whole.toString(), "-q"));
        assertEquals(0, convert.exitCode(), convert.log());
        // one convert's bytes but for the line recording each run's own command
        assertEquals(withoutCommandLine(Files.readAllBytes(whole)), withoutCommandLine(gunzip(output)));
        assertEquals(String.join("\n", ClusterMatrices.VCF_CONTIGS.subList(0, 6)) + "\n",
                ExternalTool.succeed(tmp, "tabix", "-l", output.toString()));
    }

    private static String withoutCommandLine(byte[] vcf) {
        return new String(vcf, StandardCharsets.UTF_8).replaceAll("(?m)^##hapmatrix_command=.*\n", "");
    }

    /**
     * Contigs whose names start with '#' are comment lines to tabix, so the index does not hold
     * them: the workflow must either gather them too or fail saying so, never succeed without them.
     */
    @Test
    void contigsStartingWithAHashAreGatheredOrRefusedNeverDropped() throws Exception {
        List<String> contigs = List.of("chr1", "#hidden", "chr3", "#last");
        GeneratedMatrix matrix = ClusterMatrices.sorted(10, 200, contigs);
        Path plain = tmp.resolve("hash.txt");
        matrix.writeTo(plain, true);
        Path indexed = ExternalTool.bgzipAndIndex(plain, 1);
        Path output = tmp.resolve("hash-out.txt");
        ScriptRunner.Outcome outcome = snakemake("matrix=" + indexed, "output=" + output);
        if (outcome.exitCode() == 0) {
            assertArrayEquals(convert(plain), Files.readAllBytes(output), "exit 0 but not every contig gathered");
        } else {
            assertTrue(refusesHashContig(outcome.log(), "#hidden"), "the failure names neither the contig nor the index:\n" + outcome.log());
            assertFalse(Files.exists(output), "an output beside the failure");
        }
    }

    /** The listing submit.sh and the checkpoint share: a '#' contig listed, or a failure naming it. */
    @Test
    void theSharedContigSplitListsHashContigsOrFailsNamingThem() throws Exception {
        GeneratedMatrix matrix = ClusterMatrices.sorted(11, 100, List.of("#first", "chr2", "chr3"));
        Path plain = tmp.resolve("first.txt");
        matrix.writeTo(plain, true);
        Path indexed = ExternalTool.bgzipAndIndex(plain, 1);
        Path groups = tmp.resolve("groups");
        ScriptRunner.Outcome outcome = ScriptRunner.run(tmp, 120, Map.of(), List.of(CONTIG_GROUPS.toString(),
                ScriptRunner.LAUNCHER.toString(), indexed.toString(), groups.toString(), "5"));
        if (outcome.exitCode() == 0) {
            assertEquals("#first\nchr2\nchr3\n", Files.readString(groups.resolve("000001.contigs"), StandardCharsets.UTF_8));
        } else {
            assertTrue(refusesHashContig(outcome.log(), "#first"), "the failure names neither the contig nor the index:\n" + outcome.log());
        }
    }

    /** submit.sh: the same, before anything is submitted. */
    @Test
    void submitShRefusesAMatrixWhoseIndexHidesContigsBeforeSubmitting() throws Exception {
        GeneratedMatrix matrix = ClusterMatrices.sorted(14, 100, List.of("chr1", "#between", "chr3"));
        Path plain = tmp.resolve("sub.txt");
        matrix.writeTo(plain, true);
        Path indexed = ExternalTool.bgzipAndIndex(plain, 1);
        ScriptRunner.Outcome outcome = ScriptRunner.run(tmp, 120,
                Map.of("HAPMATRIX", ScriptRunner.LAUNCHER.toString(), "SLURM_CONF", tmp.resolve("no-cluster.conf").toString()),
                List.of(SUBMIT.toString(), indexed.toString(), "sub-out.txt"));
        assertEquals(1, outcome.exitCode(), outcome.log());
        assertTrue(refusesHashContig(outcome.log(), "#between"), outcome.log());
        assertFalse(outcome.log().contains("array job"), outcome.log());
        assertFalse(Files.exists(tmp.resolve("sub-out.txt")));
    }

    /** A matrix without header line (--header) indexed -S0 has nothing hidden: its contigs are split. */
    @Test
    void aHeaderlessMatrixIndexedWithoutSkipIsSplit() throws Exception {
        GeneratedMatrix matrix = ClusterMatrices.sorted(13, 2000);
        Path plain = tmp.resolve("bare.txt");
        matrix.writeTo(plain, false);
        Path header = tmp.resolve("bare-header.txt");
        matrix.writeHeaderFile(header);
        Path indexed = ExternalTool.bgzipAndIndex(plain, 0);
        Path groups = tmp.resolve("groups");
        ScriptRunner.Outcome outcome = ScriptRunner.run(tmp, 120, Map.of(), List.of(CONTIG_GROUPS.toString(),
                ScriptRunner.LAUNCHER.toString(), indexed.toString(), groups.toString(), "7", "--header",
                header.toString()));
        assertEquals(0, outcome.exitCode(), outcome.log());
        assertEquals(String.join("\n", ClusterMatrices.CONTIGS) + "\n",
                Files.readString(groups.resolve("000001.contigs"), StandardCharsets.UTF_8));
    }

    @Test
    void aMissingMatrixKeyIsAClearError() throws Exception {
        ScriptRunner.Outcome outcome = snakemake("output=" + tmp.resolve("x.txt"));
        assertRefused(outcome, "config key 'matrix' is required (snakemake --config matrix=...)");
    }

    @Test
    void aMistypedKeyIsOneLineNamingTheKeyMeant() throws Exception {
        ScriptRunner.Outcome outcome = snakemake("matrix=m.txt", "output=" + tmp.resolve("x.txt"), "contig_per_job=3");
        assertRefused(outcome, "config: unknown key 'contig_per_job' (did you mean 'contigs_per_job'?); the keys are "
                + "concat_mem_mb, contigs_per_job, hapmatrix, header, keep_work, matrix, mem_mb, options, output, "
                + "threads, work (config/README.md)");
    }

    @ParameterizedTest
    @CsvSource({"contigs_per_job,1", "threads,1", "mem_mb,896", "concat_mem_mb,256"})
    void zeroIsRefusedNotReplacedByTheDefault(String key, int minimum) throws Exception {
        ScriptRunner.Outcome outcome = snakemake("matrix=m.txt", "output=" + tmp.resolve("x.txt"), key + "=0");
        assertRefused(outcome, "config key '" + key + "' is 0; it must be at least " + minimum);
    }

    @Test
    void aWordWhereANumberBelongsIsRefused() throws Exception {
        ScriptRunner.Outcome outcome = snakemake("matrix=m.txt", "output=" + tmp.resolve("x.txt"), "threads=four");
        assertRefused(outcome, "config key 'threads' is 'four'; it must be an integer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--contigs chr1", "--samples 1a,1b --contigs=chr1", "--contigs-file c.txt", "-r chr1",
        "--regions chr1:1-9", "-qr chr1", "-o x.txt", "--threads 8", "--db m.duckdb"})
    void optionsThatSetWhatTheWorkflowSetsAreRefused(String options) throws Exception {
        ScriptRunner.Outcome outcome = snakemake("matrix=m.txt", "output=" + tmp.resolve("x.txt"), "options=" + options);
        assertRefused(outcome, "config key 'options' is '" + options + "'; it must not hold --contigs, --contigs-file, "
                + "-r/--regions, -o/--output, -t/--threads, --memory-limit, --header or --db: the workflow sets the "
                + "contigs, the output, the threads and the memory of each job itself (use the keys threads, mem_mb, header)");
    }

    /** The refusals come before any job: one line, no schema dump, nothing written. */
    private void assertRefused(ScriptRunner.Outcome outcome, String message) throws IOException {
        assertEquals(1, outcome.exitCode(), outcome.log());
        assertTrue(outcome.log().contains("\n" + message + "\n"), outcome.log());
        assertFalse(outcome.log().contains("Failed validating"), "the schema is dumped:\n" + outcome.log());
        assertFalse(outcome.log().contains("rule "), "a job ran:\n" + outcome.log());
        assertFalse(Files.exists(tmp.resolve("x.txt.hapmatrix-work")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "CONTIGS_PER_TASK=0; ; submit.sh: CONTIGS_PER_TASK is '0'; it must be a whole number of at least 1",
        "THREADS=0; ; submit.sh: THREADS is '0'; it must be a whole number of at least 1",
        "MEM_MB=0; ; submit.sh: MEM_MB is '0'; it must be a whole number of at least 896",
        "THREADS=1; --contigs-file=c.txt; submit.sh: '--contigs-file=c.txt': the extra convert options must not hold"})
    void submitShRefusesZeroValuesAndContigOptionsBeforeSubmitting(String setting, String option, String message)
            throws Exception {
        String[] variable = setting.split("=");
        List<String> command = new ArrayList<>(List.of(SUBMIT.toString(), "m.txt", "out.txt"));
        if (option != null) {
            command.add(option);
        }
        // no cluster to reach: the refusal must come before anything is listed or submitted
        ScriptRunner.Outcome outcome = ScriptRunner.run(tmp, 60, Map.of(variable[0], variable[1],
                "SLURM_CONF", tmp.resolve("no-cluster.conf").toString()), command);
        assertEquals(2, outcome.exitCode(), outcome.log());
        assertTrue(outcome.log().startsWith(message), outcome.log());
        assertFalse(Files.exists(tmp.resolve("out.txt.hapmatrix-work")));
    }

    @Test
    void snakemakeLintFindsNothing() throws Exception {
        ScriptRunner.Outcome outcome = ScriptRunner.run(tmp, 120, Map.of(), List.of("snakemake", "-s", SNAKEFILE.toString(),
                "--lint", "--config", "matrix=m.txt.gz", "output=out.txt"));
        assertEquals(0, outcome.exitCode(), outcome.log());
        assertFalse(outcome.log().contains("Lints for"), outcome.log());
        assertTrue(outcome.log().contains("Congratulations, your workflow is in a good condition!"), outcome.log());
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /**
     * A refusal of a matrix whose index cannot hold a '#' contig: the workflow's own check names the
     * contig; hapmatrix itself (which reads the lines the index leaves out, and stops first when it
     * lists the contigs) says which lines of the file the index does not hold and why.
     */
    private static boolean refusesHashContig(String log, String contig) {
        return log.contains("'" + contig + "'") || log.contains(contig + "'")
                || (log.contains("are not in the index") && log.contains("a contig named '#...' cannot be indexed"));
    }
}
