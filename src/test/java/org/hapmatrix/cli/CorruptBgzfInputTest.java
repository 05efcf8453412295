package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hapmatrix.testsupport.BgzfDamage;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged BGZF input, as bgzip, gzip -t and bcftools find it, is refused as plain gzip's damage is,
 * with one line naming the file and the line reached (a BCF: the record), and no output: a byte
 * changed in a stored block (only its CRC32 tells) and a deflate stream that does not decode
 * (with GKL's inflater and with Java's zlib), in a matrix, a VCF.gz and a BCF, read whole or
 * through their .tbi/.csi, by convert, contigs and concat.
 */
class CorruptBgzfInputTest {
    private static final String CRC = Pattern.quote("gzip data is corrupt (CRC32 error)");
    /** A matrix line in the middle of contig c2. */
    private static final String MATRIX_MARKER = "c2\t3000\t";
    /** The ALT allele of one record in the middle of chr2, and of chr2's first record (where its index points). */
    private static final String VCF_MARKER = "GATTACAGATTACA";
    private static final String VCF_CONTIG_START_MARKER = "CATCATCATCAT";

    @TempDir
    Path tmp;

    // ---- inputs ---------------------------------------------------------------------------------

    /** Three contigs of 6000 sites, about two BGZF blocks each. */
    private Path matrix(boolean withHeaderLine) throws IOException {
        StringBuilder text = new StringBuilder(withHeaderLine ? "contig\tpos\tref\t1a\t1b\t2a\t2b\n" : "");
        String[] bases = {"A", "C", "G", "T"};
        for (String contig : List.of("c1", "c2", "c3")) {
            for (int pos = 1; pos <= 6000; pos++) {
                text.append(contig).append('\t').append(pos).append('\t').append(bases[pos % 4]).append('\t')
                        .append(bases[pos % 4]).append('\t').append(bases[(pos + 1) % 4]).append('\t')
                        .append(bases[pos % 3]).append('\t').append(bases[pos % 4]).append('\n');
            }
        }
        return Files.writeString(tmp.resolve(withHeaderLine ? "m.txt" : "m-no-header.txt"), text);
    }

    /** Three contigs of 4000 records (about two BGZF blocks each), and {@code extraContigs} more ##contig lines. */
    private Path vcf(int extraContigs) throws IOException {
        StringBuilder text = new StringBuilder("##fileformat=VCFv4.2\n");
        for (String contig : List.of("chr1", "chr2", "chr3")) {
            text.append("##contig=<ID=").append(contig).append(">\n");
        }
        for (int i = 0; i < extraContigs; i++) {
            text.append(String.format(Locale.ROOT, "##contig=<ID=extra_%04d>%n", i));
        }
        text.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
        text.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n");
        for (String contig : List.of("chr1", "chr2", "chr3")) {
            for (int pos = 1; pos <= 4000; pos++) {
                String alt = !contig.equals("chr2") ? "G" : pos == 1 ? VCF_CONTIG_START_MARKER : pos == 2000 ? VCF_MARKER : "G";
                text.append(contig).append('\t').append(pos).append("\t.\tA\t").append(alt).append("\t.\tPASS\t.\tGT\t")
                        .append(pos % 3 == 0 ? "0|1" : "1|1").append('\t').append(pos % 2 == 0 ? "1|0" : "0|0").append('\n');
            }
        }
        return Files.writeString(tmp.resolve("v" + extraContigs + ".vcf"), text);
    }

    /** {@code plain} as BGZF of stored blocks, so that a changed byte still inflates. */
    private Path stored(Path plain) {
        ExternalTool.succeed(tmp, "bgzip", "-l", "0", "-kf", plain.toString());
        return Path.of(plain + ".gz");
    }

    /** A BGZF file's content again as BGZF of stored blocks. */
    private Path restored(Path bgzf, String name) {
        Path out = tmp.resolve(name);
        ExternalTool.succeed(tmp, "sh", "-c", "bgzip -dc \"$1\" | bgzip -l 0 -c > \"$2\"", "sh", bgzf.toString(), out.toString());
        return out;
    }

    private Path bcftoolsView(Path vcf, String type, String level, String name) {
        Path out = tmp.resolve(name);
        ExternalTool.succeed(tmp, "bcftools", "view", "--no-version", "-O" + type, "-l", level, "-o", out.toString(), vcf.toString());
        return out;
    }

    /** The index of the intact {@code original}, beside {@code damaged} (made after it, so not stale). */
    private static void indexBeside(Path original, String suffix, Path damaged) throws IOException {
        Files.copy(Path.of(original + suffix), Path.of(damaged + suffix));
    }

    /**
     * The line reached when block number {@code block} of {@code bgzf} fails: the one in progress
     * where that block starts (readers take whole blocks), counted from {@code from} in the decoded
     * text, plus {@code linesBefore} (a header read before).
     */
    private static long lineReached(Path bgzf, int block, long from, int linesBefore) throws IOException {
        byte[] text;
        try (java.io.InputStream in = new htsjdk.samtools.util.BlockCompressedInputStream(bgzf.toFile())) {
            text = in.readAllBytes();
        }
        long blockStart = BgzfDamage.decodedStartOf(bgzf, block);
        long line = linesBefore + 1;
        for (long i = from; i < blockStart; i++) {
            if (text[(int) i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Where the first line of {@code contig} starts in the decoded text of {@code stored}. */
    private static long contigStart(Path stored, String contig) throws IOException {
        try (java.io.InputStream in = new htsjdk.samtools.util.BlockCompressedInputStream(stored.toFile())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\n" + contig + "\t") + 1;
        }
    }

    // ---- running --------------------------------------------------------------------------------

    /**
     * Runs hapmatrix, which must fail with exit 1 and the one line {@code hapmatrix: FILE} +
     * {@code location} + {@code what}, leaving no {@code out}; returns the location's number, or -1.
     */
    private static long fails(Path file, String location, String what, Path out, String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertEquals(1, result.exitCode(), result.toString());
        Matcher matcher = Pattern.compile("hapmatrix: " + Pattern.quote(file.toString()) + location + what + "\\R")
                .matcher(result.stderr());
        assertTrue(matcher.matches(), result.stderr());
        if (out != null) {
            assertFalse(Files.exists(out), "no output");
        }
        return matcher.groupCount() > 0 ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** The real tool finds the damage too (bcftools 1.16 prints htslib's error, and may still exit 0). */
    private void bcftoolsRefuses(Path file) {
        ExternalTool.Result result = ExternalTool.run(tmp, "bcftools", "view", "-H", file.toString());
        assertTrue(result.stderr().contains("[E::bgzf_"), result.toString());
    }

    // ---- a matrix -------------------------------------------------------------------------------

    @Test
    void aChangedByteInAMatrixFailsItsCrcAtTheLineReached() throws IOException {
        Path stored = stored(matrix(true));
        Path damaged = BgzfDamage.storedByteChanged(stored, MATRIX_MARKER, tmp.resolve("damaged.txt.gz"));
        assertNotEquals(0, ExternalTool.run(tmp, "gzip", "-t", damaged.toString()).exitCode(), "gzip -t finds it");
        Path out = tmp.resolve("out.tsv");
        long line = lineReached(stored, BgzfDamage.blockOf(stored, MATRIX_MARKER), 0, 0);
        assertTrue(line > 6000, "line " + line + ": in contig c2");
        fails(damaged, ":" + line + ": ", CRC, out, "convert", damaged.toString(), "-o", out.toString(), "-q");

        CliRunner.Result piped = CliRunner.runWithInput(Files.readAllBytes(damaged), "convert", "-", "-q");
        assertEquals(1, piped.exitCode(), piped.toString());
        assertEquals("hapmatrix: <stdin>:" + line + ": gzip data is corrupt (CRC32 error)\n", piped.stderr());

        // contigs reads the first column of every line: the same damage, the same message.
        fails(damaged, ":" + line + ": ", CRC, null, "contigs", damaged.toString());
    }

    @Test
    void aDeflateBlockThatDoesNotDecodeWithGklOrJavasZlib() throws Exception {
        Path plain = matrix(false);
        ExternalTool.succeed(tmp, "bgzip", "-kf", plain.toString()); // level 6, deflate-compressed
        Path damaged = BgzfDamage.deflateBroken(Path.of(plain + ".gz"), 1, tmp.resolve("damaged.txt.gz"));
        assertNotEquals(0, ExternalTool.run(tmp, "gzip", "-t", damaged.toString()).exitCode(), "gzip -t finds it");
        Path header = Files.writeString(tmp.resolve("h.txt"), "contig\tpos\tref\t1a\t1b\t2a\t2b\n");
        Path out = tmp.resolve("x.vcf.gz");
        String gkl = gklLoads() ? "Invalid deflate block found" : "invalid block type";
        long line = lineReached(Path.of(plain + ".gz"), 1, 0, 0);
        assertTrue(line > 1000, "line " + line);
        fails(damaged, ":" + line + ": ", Pattern.quote("gzip data is corrupt (" + gkl + ")"), out,
                "convert", damaged.toString(), "--header", header.toString(), "-q", "-o", out.toString());

        // Java's zlib (GKL switched off: a JVM of its own, the switch is read once)
        ProcessBuilder builder = new ProcessBuilder(CliRunner.separateJvm(List.of(), List.of("convert", damaged.toString(),
                "--header", header.toString(), "-q", "-o", out.toString())));
        builder.environment().putAll(Map.of("HAPMATRIX_GKL", "off"));
        Path printed = tmp.resolve("printed.txt");
        Process process = builder.redirectErrorStream(true).redirectOutput(printed.toFile()).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "finished");
        assertEquals(1, process.exitValue());
        assertEquals("hapmatrix: " + damaged + ":" + line + ": gzip data is corrupt (invalid block type)\n",
                Files.readString(printed));
        assertFalse(Files.exists(out), "no output");
    }

    /** Where GKL ships its library (as BgzfCompressorsTest asserts it is used there). */
    private static boolean gklLoads() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    }

    @Test
    void aTabixIndexedMatrixReadByContig() throws IOException {
        Path plain = matrix(true);
        Path stored = stored(plain);
        ExternalTool.succeed(tmp, "tabix", "-f", "-s1", "-b2", "-e2", "-S1", stored.toString());
        Path out = tmp.resolve("out.tsv");

        // In the contig read: damaged data where the index rightly points, not "index does not match".
        Path inContig = BgzfDamage.storedByteChanged(stored, MATRIX_MARKER, tmp.resolve("in-c2.txt.gz"));
        indexBeside(stored, ".tbi", inContig);
        // Its lines count the header and the lines read, from c2's first.
        long line = lineReached(stored, BgzfDamage.blockOf(stored, MATRIX_MARKER), contigStart(stored, "c2"), 1);
        assertTrue(line > 1 && line <= 1 + 3000, "line " + line);
        fails(inContig, ":" + line + ": ", CRC, out, "convert", inContig.toString(), "--contigs", "c2",
                "-o", out.toString(), "-q");

        // In the file's last lines, which the index's check reads by seeks: no line number.
        Path atTheEnd = BgzfDamage.storedByteChanged(stored, "c3\t5990\t", tmp.resolve("at-end.txt.gz"));
        indexBeside(stored, ".tbi", atTheEnd);
        fails(atTheEnd, ": ", CRC, out, "convert", atTheEnd.toString(), "--contigs", "c2", "-o", out.toString(), "-q");

        // contigs, from the index, reads the first line of every contig.
        Path atContigStart = BgzfDamage.storedByteChanged(stored, "c2\t1\t", tmp.resolve("c2-start.txt.gz"));
        indexBeside(stored, ".tbi", atContigStart);
        fails(atContigStart, ": ", CRC, null, "contigs", atContigStart.toString());
    }

    /**
     * -r/--regions reads a region's blocks through a .tbi as --contigs does, each block's CRC32
     * checked: convert and load fail at the same line; a region whose blocks are intact is read, as
     * htslib reads only the blocks a region needs. A .csi beside a matrix is not used: read whole.
     */
    @Test
    void aTabixOrCsiIndexedMatrixReadByRegion() throws IOException {
        Path stored = stored(matrix(true));
        for (String kind : List.of("tbi", "csi")) {
            Path indexed = Files.copy(stored, tmp.resolve("indexed-" + kind + ".txt.gz"));
            List<String> tabix = new java.util.ArrayList<>(List.of("tabix", "-f", "-s1", "-b2", "-e2", "-S1"));
            if (kind.equals("csi")) {
                tabix.add("-C");
            }
            tabix.add(indexed.toString());
            ExternalTool.succeed(tmp, tabix.toArray(String[]::new));
            Path damaged = BgzfDamage.storedByteChanged(indexed, MATRIX_MARKER, tmp.resolve("damaged-" + kind + ".txt.gz"));
            indexBeside(indexed, "." + kind, damaged);
            Path out = tmp.resolve("out.tsv");
            Path db = tmp.resolve("m.duckdb");
            long converted = fails(damaged, ":(\\d+): ", CRC, out, "convert", damaged.toString(), "-r", "c2:2900-3100",
                    "-o", out.toString(), "-q");
            long loaded = fails(damaged, ":(\\d+): ", CRC, db, "load", damaged.toString(), "-r", "c2:2900-3100",
                    "--db", db.toString(), "-q");
            assertEquals(converted, loaded, kind);

            if (kind.equals("tbi")) { // a matrix's .csi is not read: the whole file is, damage and all
                CliRunner.Result intact = CliRunner.run("convert", damaged.toString(), "-r", "c3:1-10", "-o", out.toString(), "-q");
                assertEquals(0, intact.exitCode(), intact.toString());
                assertTrue(Files.readString(out).contains("\nc3\t"), Files.readString(out));
                Files.delete(out);
            }
        }
    }

    // ---- VCF.gz and BCF -------------------------------------------------------------------------

    @Test
    void aChangedByteInAVcfGzOrABcf() throws IOException {
        Path vcf = vcf(0);
        Path vcfGz = bcftoolsView(vcf, "z", "0", "v.vcf.gz");
        Path bcf = bcftoolsView(vcf, "b", "0", "v.bcf");
        Path out = tmp.resolve("out.tsv");

        Path damagedVcf = BgzfDamage.storedByteChanged(vcfGz, VCF_MARKER, tmp.resolve("damaged.vcf.gz"));
        bcftoolsRefuses(damagedVcf);
        long line = lineReached(vcfGz, BgzfDamage.blockOf(vcfGz, VCF_MARKER), 0, 0);
        assertTrue(line > 4000, "line " + line + ": in chr2");
        fails(damagedVcf, ":" + line + ": ", CRC, out, "convert", damagedVcf.toString(), "-o", out.toString(), "-q");

        Path damagedBcf = BgzfDamage.storedByteChanged(bcf, VCF_MARKER, tmp.resolve("damaged.bcf"));
        bcftoolsRefuses(damagedBcf);
        long record = fails(damagedBcf, ": record (\\d+): ", CRC, out, "convert", damagedBcf.toString(), "-o", out.toString(), "-q");
        assertTrue(record > 1 && record <= 4000 + 2000, "record " + record);
    }

    @Test
    void aBcfBlockThatDoesNotDecode() throws IOException {
        Path bcf = bcftoolsView(vcf(0), "b", "6", "v.bcf");
        Path damaged = BgzfDamage.deflateBroken(bcf, 1, tmp.resolve("damaged.bcf"));
        bcftoolsRefuses(damaged);
        Path out = tmp.resolve("x.vcf.gz");
        String gkl = gklLoads() ? "Invalid deflate block found" : "invalid block type";
        fails(damaged, ": record \\d+: ", Pattern.quote("gzip data is corrupt (" + gkl + ")"), out,
                "convert", damaged.toString(), "-o", out.toString(), "-q");
    }

    @Test
    void throughTheirIndexesByContig() throws IOException {
        Path vcf = vcf(0);
        Path vcfGz = bcftoolsView(vcf, "z", "0", "v.vcf.gz");
        ExternalTool.succeed(tmp, "bcftools", "index", "-t", vcfGz.toString());
        Path bcf = bcftoolsView(vcf, "b", "0", "v.bcf");
        ExternalTool.succeed(tmp, "bcftools", "index", bcf.toString());
        Path out = tmp.resolve("out.tsv");
        // In the middle of chr2, and in the block chr2's first record is in, where the reader seeks to.
        for (String marker : List.of(VCF_MARKER, VCF_CONTIG_START_MARKER)) {
            Path damagedVcf = BgzfDamage.storedByteChanged(vcfGz, marker, tmp.resolve(marker + ".vcf.gz"));
            indexBeside(vcfGz, ".tbi", damagedVcf);
            fails(damagedVcf, ":\\d+: ", CRC, out, "convert", damagedVcf.toString(), "--contigs", "chr2",
                    "-o", out.toString(), "-q");

            Path damagedBcf = BgzfDamage.storedByteChanged(bcf, marker, tmp.resolve(marker + ".bcf"));
            indexBeside(bcf, ".csi", damagedBcf);
            fails(damagedBcf, ": record \\d+: ", CRC, out, "convert", damagedBcf.toString(), "--contigs", "chr2",
                    "-o", out.toString(), "-q");
        }
    }

    @Test
    void aVcfHeaderDamagedPastItsFirstBlockReadThroughTheIndex() throws IOException {
        // 3000 contig lines: the header goes on past the first block, which the format was recognised from.
        Path vcfGz = bcftoolsView(vcf(3000), "z", "0", "v.vcf.gz");
        ExternalTool.succeed(tmp, "bcftools", "index", "-t", vcfGz.toString());
        String marker = "##contig=<ID=extra_2900>";
        assertTrue(BgzfDamage.blockOf(vcfGz, marker) > 0, "the header's second block");
        Path damaged = BgzfDamage.storedByteChanged(vcfGz, marker, tmp.resolve("damaged.vcf.gz"));
        indexBeside(vcfGz, ".tbi", damaged);
        Path out = tmp.resolve("out.tsv");
        fails(damaged, ":1: ", CRC, out, "convert", damaged.toString(), "--contigs", "chr2", "-o", out.toString(), "-q");
    }

    // ---- concat ---------------------------------------------------------------------------------

    @Test
    void concatOfDamagedParts() throws IOException {
        Path plain = matrix(true);
        for (String suffix : List.of(".vcf.gz", ".bcf")) {
            Path first = tmp.resolve("p1" + suffix);
            Path second = tmp.resolve("p2" + suffix);
            assertEquals(0, CliRunner.run("convert", plain.toString(), "--contigs", "c1", "-o", first.toString(), "-q").exitCode());
            assertEquals(0, CliRunner.run("convert", plain.toString(), "--contigs", "c2", "-o", second.toString(), "-q").exitCode());
            Path stored = restored(second, "stored" + suffix);
            int blocks = BgzfDamage.blockStarts(Files.readAllBytes(stored)).size();
            assertTrue(blocks > 3, blocks + " blocks");
            Path out = tmp.resolve("all" + suffix);

            // Its header, in its first block.
            Path inHeader = BgzfDamage.storedByteChanged(stored, 0, tmp.resolve("header-damaged" + suffix));
            fails(inHeader, ":1: ", CRC, out, "concat", first.toString(), inHeader.toString(), "-o", out.toString());

            // Its records, copied after the first part's.
            Path inRecords = BgzfDamage.storedByteChanged(stored, blocks - 2, tmp.resolve("records-damaged" + suffix));
            fails(inRecords, ": ", CRC, out, "concat", first.toString(), inRecords.toString(), "-o", out.toString());
        }
    }
}
