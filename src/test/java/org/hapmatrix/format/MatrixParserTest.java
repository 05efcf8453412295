package org.hapmatrix.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.SiteBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser's one-byte fast path (a known one-byte allele followed by a tab or the line's end is
 * taken without a scan or a lookup) against a plain split of the same text: it must never take
 * a longer allele for its first byte, miss a value at the end of a line, or let an empty value
 * through (README "Input").
 */
class MatrixParserTest {
    private static final String HEADER = "CHROM\tPOS\tREF\ts1\ts2\ts3\n";

    @TempDir
    Path tmp;

    /** Every site the parser reads, decoded back to text: contig, position, REF, one allele per sample. */
    private List<List<String>> parse(String text, int batchSites) throws IOException {
        Path file = Files.writeString(tmp.resolve("m.txt"), text, StandardCharsets.UTF_8);
        List<List<String>> sites = new ArrayList<>();
        try (MatrixParser parser = new MatrixParser(MatrixInput.open(file.toString()), null)) {
            SiteBatch batch = new SiteBatch(batchSites, parser.header().sampleCount());
            while (parser.fill(batch)) {
                for (int row = 0; row < batch.size(); row++) {
                    List<String> site = new ArrayList<>();
                    site.add(parser.contigs().value(batch.contigCode(row)));
                    site.add(Long.toString(batch.position(row)));
                    for (int column = 0; column < batch.alleleColumnCount(); column++) {
                        site.add(parser.alleles().value((batch.shortColumn(column)[row] & 0xFFFF) - 1));
                    }
                    sites.add(site);
                }
            }
        }
        return sites;
    }

    /** The plain reading: every line after the header split at tabs, a CR before the newline dropped. */
    private static List<List<String>> split(String text) {
        return text.lines().skip(1).map(line -> Arrays.asList(line.replaceAll("\r$", "").split("\t", -1))).toList();
    }

    @Test
    void oneByteAllelesAnywhereInTheLineAndLongerAllelesStartingWithThemReadAsWritten() throws IOException {
        String text = HEADER
                + "1\t1\tA\tA\tC\tG\n"        // A, C, G become known one-byte alleles
                + "1\t2\tA\tAT\tC\tGA\n"      // known first byte, longer allele: never the fast path
                + "1\t3\tAT\tA\tCG\tG\n"      // a known multi-byte allele, then a known one-byte one
                + "1\t4\tT\tT\tT\tATG\n"      // T first seen mid-line; a three-byte allele at the end
                + "2\t5\tC\tN\t-\tT\r\n"      // CRLF: the last allele ends before the CR
                + "2\t6\tG\tA\tA\tA";         // no final newline: the last allele ends at the end of the file
        assertEquals(split(text), parse(text, 1000));
    }

    /**
     * Line ends are found eight bytes at a time: lines of many lengths (so LFs land at every place
     * of a word), CRLF among them, the last line without one, over more than the parser's 1 MiB
     * read buffer, so lines also straddle its refills.
     */
    @Test
    void lineEndsAtEveryOffsetAndAcrossReadBufferRefillsReadAsWritten() throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        java.util.Random random = new java.util.Random(7);
        String[] alleles = {"A", "C", "G", "T", "N", "-", "AT", "GCA", "TTAG", "CCGTA", "ACGTAC", "GGGTTTA",
            "ACGTACGT", "TACGATCGA", "ACGTACGTACGTACGTACGTACGTACGTACGTACGTACGT"};
        int site = 0;
        while (text.length() < (3 << 19)) {
            text.append("chr").append(site % 5).append('\t').append(site);
            for (int column = 0; column < 4; column++) {
                text.append('\t').append(alleles[random.nextInt(alleles.length)]);
            }
            text.append(site % 11 == 0 ? "\r\n" : "\n");
            site++;
        }
        text.append("chrZ\t1\tA\tC\tG\tT"); // the last line, without a line end
        assertEquals(split(text.toString()), parse(text.toString(), 1000));
    }

    /**
     * Rows of ten alleles, read four at a time when each is one known byte: a new allele, a longer
     * one or a wrong separator in any of a word's four places sends the row field by field.
     */
    @Test
    void wideRowsOfOneByteAllelesWithNewOrLongerOnesInEveryPlaceReadAsWritten() throws IOException {
        StringBuilder text = new StringBuilder("CHROM\tPOS\tREF");
        for (int sample = 1; sample <= 9; sample++) {
            text.append("\ts").append(sample);
        }
        text.append('\n');
        java.util.Random random = new java.util.Random(11);
        String[] known = {"A", "C", "G", "T"};
        String[] later = {"N", "-", "R", "Y", "AT", "GGC", "K"}; // one-byte ones first seen in any place; longer ones
        for (int site = 0; site < 3000; site++) {
            text.append("1\t").append(site);
            int odd = site % 3 == 0 ? random.nextInt(10) : -1;
            for (int column = 0; column < 10; column++) {
                String allele = column == odd ? later[random.nextInt(later.length)] : known[random.nextInt(known.length)];
                text.append('\t').append(allele);
            }
            text.append('\n');
        }
        assertEquals(split(text.toString()), parse(text.toString(), 1000));
        // A separator replaced by a known allele in each place of a word: one field fewer, an error.
        String wideHeader = text.substring(0, text.indexOf("\n") + 1);
        for (int place = 0; place < 4; place++) {
            char[] alleles = "A\tC\tG\tT\tA\tC\tG\tT\tA\tC".toCharArray();
            alleles[2 * place + 1] = 'G';
            String rows = "1\t1\tA\tC\tG\tT\tA\tC\tG\tT\tA\tC\n" + "1\t2\t" + new String(alleles) + "\n";
            HapmatrixException joined = assertThrows(HapmatrixException.class, () -> parse(wideHeader + rows, 10));
            assertEquals(tmp.resolve("m.txt") + ":3: expected 12 columns as in the header, found 11", joined.getMessage());
        }
    }

    @Test
    void batchesOfAnySizeGiveTheSameSites() throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        String[] alleles = {"A", "C", "AC", "N", "-", "G", "CA", "T"};
        for (int i = 0; i < 50; i++) {
            text.append("c").append(i % 3).append('\t').append(i).append('\t').append(alleles[i % 8]);
            for (int s = 1; s <= 3; s++) {
                text.append('\t').append(alleles[(i * s + s) % 8]);
            }
            text.append('\n');
        }
        List<List<String>> expected = split(text.toString());
        for (int batchSites : new int[] {1, 2, 7, 50, 1000}) {
            assertEquals(expected, parse(text.toString(), batchSites), "batch of " + batchSites);
        }
    }

    @Test
    void anEmptyValueAfterKnownAllelesIsStillAnError() {
        String known = HEADER + "1\t1\tA\tA\tC\tG\n";
        HapmatrixException atEnd = assertThrows(HapmatrixException.class, () -> parse(known + "1\t2\tA\tA\tC\t\n", 10));
        assertEquals(tmp.resolve("m.txt") + ":3: empty value in column 's3'", atEnd.getMessage());
        HapmatrixException inside = assertThrows(HapmatrixException.class, () -> parse(known + "1\t2\tA\t\tC\tG\n", 10));
        assertEquals(tmp.resolve("m.txt") + ":3: empty value in column 's1'", inside.getMessage());
    }

    /** A row as long as one of one-byte alleles, but with a two-byte allele beside an empty value: an error, as field by field. */
    @Test
    void anEmptyValueBesideATwoByteAlleleInARowOfOneByteLengthIsStillAnError() {
        String known = HEADER + "1\t1\tA\tA\tC\tG\n";
        HapmatrixException before = assertThrows(HapmatrixException.class, () -> parse(known + "1\t2\tAT\t\tC\tG\n", 10));
        assertEquals(tmp.resolve("m.txt") + ":3: empty value in column 's1'", before.getMessage());
        HapmatrixException after = assertThrows(HapmatrixException.class, () -> parse(known + "1\t2\tA\t\tCG\tG\n", 10));
        assertEquals(tmp.resolve("m.txt") + ":3: empty value in column 's1'", after.getMessage());
    }

    @Test
    void aKnownAlleleDoesNotHideAMissingOrExtraColumn() {
        String known = HEADER + "1\t1\tA\tA\tC\tG\n";
        HapmatrixException missing = assertThrows(HapmatrixException.class, () -> parse(known + "1\t2\tA\tA\tC\n", 10));
        assertEquals(tmp.resolve("m.txt") + ":3: expected 6 columns as in the header, found 5", missing.getMessage());
        HapmatrixException extra = assertThrows(HapmatrixException.class, () -> parse(known + "1\t2\tA\tA\tC\tG\tT\n", 10));
        assertEquals(tmp.resolve("m.txt") + ":3: expected 6 columns as in the header, found 7", extra.getMessage());
        // As long as four one-byte alleles, known bytes where they would be, but two fields.
        HapmatrixException joined = assertThrows(HapmatrixException.class, () -> parse(known + "1\t2\tACGTA\tC\n", 10));
        assertEquals(tmp.resolve("m.txt") + ":3: expected 6 columns as in the header, found 4", joined.getMessage());
    }
}
