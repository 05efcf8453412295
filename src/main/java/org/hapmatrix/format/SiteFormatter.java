package org.hapmatrix.format;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Formats the written sites of one work unit as lines of one output format, byte by byte into a
 * reused buffer (no per-site or per-genotype objects: this is the export's hot path). A format
 * extends this class with {@link #write(SiteRows)}; {@link OutputFormat} names it.
 */
public abstract class SiteFormatter {
    static final byte TAB = '\t';
    static final byte[] DOT = {'.'};
    private static final VarHandle CELL_WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** What every format needs to know about the unit it formats. */
    /**
     * @param recordRegions with {@code --gaps deletion} and regions: per contig, its regions' bounds
     *                      (from, to, from, to ... sorted, merged); a record is written only if it
     *                      overlaps one (the export then reads the regions' whole contigs). Else null.
     */
    public record Context(String source, List<String> alleles, int pairCount, MissingAlleles missing, List<String> contigs,
                          GapAlleles gaps, java.util.Map<String, long[]> recordRegions) {
        public Context {
            alleles = List.copyOf(alleles);
            contigs = List.copyOf(contigs);
        }

        /** With gaps as {@code *} (only VCF and BCF read {@code gaps}). */
        public Context(String source, List<String> alleles, int pairCount, MissingAlleles missing, List<String> contigs) {
            this(source, alleles, pairCount, missing, contigs, GapAlleles.star, null);
        }

        /** Without the header's contig list (only BCF, which numbers contigs, needs it). */
        public Context(String source, List<String> alleles, int pairCount, MissingAlleles missing) {
            this(source, alleles, pairCount, missing, List.of());
        }
    }

    /** The contig of the site being written, set by {@link #startSite}: a work unit may span several contigs. */
    byte[] contig;
    String contigName;
    /** Each ENUM code's allele as UTF-8 bytes. */
    final byte[][] alleleBytes;
    /** Per ENUM code: whether a pair allele with that code is missing data ({@code N} or {@code -}). */
    final boolean[] missingCall;
    final int pairCount;
    final MissingAlleles missing;
    private final OutputStream out;
    /** Null for alphabets over {@link PairCells#MAX_ALLELES}. */
    private final PairCells pairCells;
    byte[] buffer = new byte[1 << 16];
    int length;
    private long linesWritten;

    public SiteFormatter(Context context, OutputStream out) {
        List<String> alleles = context.alleles();
        this.alleleBytes = alleles.stream().map(a -> a.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.missingCall = new boolean[alleles.size()];
        for (int code = 0; code < alleles.size(); code++) {
            missingCall[code] = Alleles.isMissingCall(alleles.get(code));
        }
        this.pairCount = context.pairCount();
        this.missing = context.missing();
        this.out = out;
        this.pairCells = alleles.size() <= PairCells.MAX_ALLELES ? new PairCells() : null;
    }

    /** Call first for every row: takes the row's contig. */
    final void startSite(SiteRows sites, int row) {
        contig = sites.contig(row);
        contigName = sites.contigName(row);
    }

    /** Formats every row of one batch. */
    public abstract void write(SiteRows sites) throws IOException;

    /**
     * Per pair, a tab, the contig (the pair's PI: one phase block per contig), a tab and
     * {@code x|y}: the table's and phase-Extender's pair columns. Each such cell is built once per
     * contig, REF and code pair ({@link PairCells}) and then copied whole: a few bytes copied
     * piece by piece were a third of the formatter's time.
     */
    final void putPhasedPairs(SiteRows sites, int row, int refCode) throws IOException {
        if (pairCells == null || sites.hasPhaseSets(row)) {
            putPhasedPairsPieceByPiece(sites, row, refCode);
            return;
        }
        byte[][] cells = pairCells.forSite(contig, refCode);
        long[] words = pairCells.wordsOf(refCode);
        // A cell of up to eight bytes goes in as one eight-byte store: room for the last one's word.
        ensureRoom(pairCount * pairCells.longestCell(contig) + Long.BYTES);
        byte[] into = buffer;
        int at = length;
        byte[][] codeColumns = sites.pairCodeColumns();
        for (int pair = 0; pair < pairCount; pair++) {
            int cell = codeColumns != null
                    ? (codeColumns[2 * pair][row] & 0xFF) * alleleBytes.length + (codeColumns[2 * pair + 1][row] & 0xFF)
                    : sites.pairCode(pair, 0, row) * alleleBytes.length + sites.pairCode(pair, 1, row);
            byte[] bytes = cells[cell];
            if (bytes == null) {
                bytes = pairCells.build(cells, cell, contig, refCode);
            }
            if (bytes.length <= Long.BYTES) {
                // The word's bytes past the cell are overwritten by what follows, or lie past length.
                CELL_WORDS.set(into, at, words[cell]);
            } else {
                for (int i = 0; i < bytes.length; i++) {
                    into[at + i] = bytes[i];
                }
            }
            at += bytes.length;
        }
        length = at;
    }

    /** As {@link #putPhasedPairs}, for alphabets too large to keep a cell per code pair, and rows with phase sets (PI their value). */
    private void putPhasedPairsPieceByPiece(SiteRows sites, int row, int refCode) throws IOException {
        for (int pair = 0; pair < pairCount; pair++) {
            byte[] first = pairAllele(sites.pairCode(pair, 0, row), refCode);
            byte[] second = pairAllele(sites.pairCode(pair, 1, row), refCode);
            long phaseSet = sites.phaseSet(pair, row);
            ensureRoom(contig.length + first.length + second.length + 23);
            buffer[length++] = TAB;
            if (phaseSet >= 0) {
                putDecimal(phaseSet);
            } else {
                put(contig);
            }
            buffer[length++] = TAB;
            put(first);
            buffer[length++] = '|';
            put(second);
        }
    }

    /**
     * The pair cells {@code \t<contig>\t<a>|<b>} of the current contig, per REF code and per
     * pair of ENUM codes (a times the alphabet's size plus b), built when first needed.
     */
    private final class PairCells {
        /** Alphabets up to this size get cells (at most this squared per REF code). */
        static final int MAX_ALLELES = 16;
        private final byte[][][] cellsByRef = new byte[alleleBytes.length][][];
        /** Per REF code and cell, the cell's first eight bytes as one little-endian word. */
        private final long[][] wordsByRef = new long[alleleBytes.length][];
        private final int longestAllele;
        private byte[] contigOfCells;

        PairCells() {
            int longest = DOT.length;
            for (byte[] allele : alleleBytes) {
                longest = Math.max(longest, allele.length);
            }
            longestAllele = longest;
        }

        byte[][] forSite(byte[] siteContig, int refCode) {
            if (siteContig != contigOfCells) {
                Arrays.fill(cellsByRef, null);
                contigOfCells = siteContig;
            }
            byte[][] cells = cellsByRef[refCode];
            if (cells == null) {
                cells = new byte[alleleBytes.length * alleleBytes.length][];
                cellsByRef[refCode] = cells;
                wordsByRef[refCode] = new long[cells.length];
            }
            return cells;
        }

        /** The words of the cells {@link #forSite} just gave for {@code refCode}. */
        long[] wordsOf(int refCode) {
            return wordsByRef[refCode];
        }

        int longestCell(byte[] siteContig) {
            return 3 + siteContig.length + 2 * longestAllele;
        }

        byte[] build(byte[][] cells, int cell, byte[] siteContig, int refCode) {
            byte[] first = pairAllele(cell / alleleBytes.length, refCode);
            byte[] second = pairAllele(cell % alleleBytes.length, refCode);
            byte[] bytes = new byte[3 + siteContig.length + first.length + second.length];
            int at = 0;
            bytes[at++] = TAB;
            System.arraycopy(siteContig, 0, bytes, at, siteContig.length);
            at += siteContig.length;
            bytes[at++] = TAB;
            System.arraycopy(first, 0, bytes, at, first.length);
            at += first.length;
            bytes[at++] = '|';
            System.arraycopy(second, 0, bytes, at, second.length);
            cells[cell] = bytes;
            long word = 0;
            for (int i = Math.min(bytes.length, Long.BYTES) - 1; i >= 0; i--) {
                word = word << 8 | (bytes[i] & 0xFF);
            }
            wordsByRef[refCode][cell] = word;
            return bytes;
        }
    }

    /**
     * A pair allele as the table and phase-Extender write it: its own bytes, or for {@code N} and
     * {@code -} the site's REF ({@code --missing ref}) or {@code .} ({@code --missing dot}).
     */
    private byte[] pairAllele(int code, int refCode) {
        if (!missingCall[code]) {
            return alleleBytes[code];
        }
        return missing == MissingAlleles.ref ? alleleBytes[refCode] : DOT;
    }

    /** What {@code --gaps deletion} did in this unit (other formats and modes: nothing). */
    public GapCounts gapCounts() {
        return GapCounts.NONE;
    }

    final void lineDone() {
        linesWritten++;
    }

    public final long linesWritten() {
        return linesWritten;
    }

    /** Call once after the unit's last batch: writes what the formatter still holds, then flushes. */
    public void finish() throws IOException {
        flush();
    }

    public void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    final void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /** Writes a non-negative number, two digits per division (a digit-by-digit loop was the profile's top method). */
    final void putDecimal(long value) {
        int end = length + decimalDigits(value);
        int at = end;
        while (value >= Integer.MAX_VALUE) {
            int lastTwo = (int) (value % 100);
            value /= 100;
            buffer[--at] = DIGIT_PAIRS[2 * lastTwo + 1];
            buffer[--at] = DIGIT_PAIRS[2 * lastTwo];
        }
        int rest = (int) value;
        while (rest >= 10) {
            int lastTwo = rest % 100;
            rest /= 100;
            buffer[--at] = DIGIT_PAIRS[2 * lastTwo + 1];
            buffer[--at] = DIGIT_PAIRS[2 * lastTwo];
        }
        if (at > length) {
            buffer[--at] = (byte) ('0' + rest);
        }
        length = end;
    }

    private static int decimalDigits(long value) {
        int digits = 1;
        for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
            digits++;
        }
        return digits;
    }

    /** Makes room for {@code bytes} more bytes, flushing the buffer when needed. */
    final void ensureRoom(int bytes) throws IOException {
        if (length + bytes <= buffer.length) {
            return;
        }
        flush();
        if (bytes > buffer.length) {
            buffer = new byte[Math.max(bytes, buffer.length * 2)];
        }
    }
}
