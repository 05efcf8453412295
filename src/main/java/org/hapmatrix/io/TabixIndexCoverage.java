package org.hapmatrix.io;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import org.hapmatrix.HapmatrixException;

/**
 * Checks that a tabix index accounts for every line of its matrix before anything is read through
 * it. tabix takes a line starting with '#' for a comment wherever it is, so a contig named so is
 * in the file but not in the index; read through the index it would be silently left out. The
 * contigs' spans, in file order, must therefore follow one another from the end of the header line
 * to the end of the data with nothing but blank lines between them. The first line at the first
 * and the last span must be of that contig (an index of another file points elsewhere), and the
 * data must end with BGZF's end-of-file block (a file cut at a block boundary reads as complete).
 */
final class TabixIndexCoverage {
    private final String matrix;
    private final String indexName;
    private final Path data;

    TabixIndexCoverage(String matrix, String indexName, Path data) {
        this.matrix = matrix;
        this.indexName = indexName;
        this.data = data;
    }

    /**
     * {@code lastLinesStart}: where the last contig's lines near its end begin (the blocks of its
     * highest 16 kb window), so that the file's end is checked without reading the whole contig.
     */
    static void check(String matrix, String indexName, Path data, Map<String, TabixMatrixIndex.Span> spans,
                      boolean headerGiven, long lastLinesStart) {
        new TabixIndexCoverage(matrix, indexName, data).check(spans, headerGiven, lastLinesStart);
    }

    private void check(Map<String, TabixMatrixIndex.Span> spans, boolean headerGiven, long lastLinesStart) {
        try {
            if (BlockCompressedInputStream.checkTermination(data) != BlockCompressedInputStream.FileTermination.HAS_TERMINATOR_BLOCK) {
                throw new HapmatrixException(matrix + ": truncated (no BGZF end-of-file block); bgzip it again from "
                        + "the complete file, then " + TabixMatrixIndex.TABIX_COMMAND);
            }
        } catch (IOException e) {
            throw new HapmatrixException(matrix + ": cannot read: " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>(spans.keySet());
        if (names.isEmpty()) {
            return;
        }
        try (BlockCompressedInputStream bgzf = BgzfCompressors.reader(data.toFile())) {
            long headerEnd = 0;
            if (!headerGiven) {
                readLine(bgzf);
                headerEnd = bgzf.getFilePointer();
            }
            checkLeadingLines(bgzf, headerEnd, spans.get(names.get(0)).start());
            checkLastLine(bgzf, names.get(names.size() - 1), Math.max(lastLinesStart, headerEnd));
        } catch (ZipException e) {
            throw corrupt(e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof HapmatrixException known) {
                throw known;
            }
            throw mismatch("it points beyond the data or into no BGZF block");
        }
    }

    /** Nothing but blank lines between the header and the first contig's span (tabix skipped them). */
    private void checkLeadingLines(BlockCompressedInputStream bgzf, long headerEnd, long firstStart) throws IOException {
        if (headerEnd >= firstStart) {
            return;
        }
        bgzf.seek(headerEnd);
        while (bgzf.getFilePointer() < firstStart) {
            String line = readLineOrNull(bgzf);
            if (line == null) {
                return;
            }
            if (!line.isBlank()) {
                throw line.startsWith("#") ? skipped("before its first contig")
                        : mismatch("lines before its first contig's");
            }
        }
    }

    /**
     * Every contig's span starts with its own line: tabix puts skipped lines ('#' contigs) at the
     * start of the next contig's span. Reads a line at every contig's start: for the full list.
     */
    static void checkEveryStart(String matrix, String indexName, Path data, Map<String, TabixMatrixIndex.Span> spans,
                                boolean headerGiven) {
        TabixIndexCoverage coverage = new TabixIndexCoverage(matrix, indexName, data);
        try (BlockCompressedInputStream bgzf = BgzfCompressors.reader(data.toFile())) {
            long headerEnd = 0;
            if (!headerGiven) {
                readLine(bgzf);
                headerEnd = bgzf.getFilePointer();
            }
            String previous = null;
            for (Map.Entry<String, TabixMatrixIndex.Span> span : spans.entrySet()) {
                coverage.checkFirstLine(bgzf, span.getKey(), Math.max(span.getValue().start(), headerEnd), previous);
                previous = span.getKey();
            }
        } catch (ZipException e) {
            throw coverage.corrupt(e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof HapmatrixException known) {
                throw known;
            }
            throw coverage.mismatch("it points beyond the data or into no BGZF block");
        }
    }

    private void checkFirstLine(BlockCompressedInputStream bgzf, String contig, long start, String previous)
            throws IOException {
        bgzf.seek(start);
        String line = readLine(bgzf);
        if (contigOf(line).equals(contig)) {
            return;
        }
        if (line.startsWith("#")) {
            throw skipped(previous == null ? "before its first contig" : "after contig '" + previous + "'");
        }
        throw mismatch("no line of contig '" + contig + "' where it points");
    }

    /** Nothing after the last contig's last line but blank lines (a '#' contig at the end is in its span too). */
    private void checkLastLine(BlockCompressedInputStream bgzf, String contig, long from) throws IOException {
        bgzf.seek(from);
        String last = null;
        String line;
        while ((line = readLineOrNull(bgzf)) != null) {
            if (!line.isBlank()) {
                last = line;
            }
        }
        if (last != null && !contigOf(last).equals(contig)) {
            throw last.startsWith("#") ? skipped("after contig '" + contig + "'")
                    : mismatch("the data goes on after contig '" + contig + "'");
        }
    }

    private static String contigOf(String line) {
        int tab = line.indexOf('\t');
        return tab >= 0 ? line.substring(0, tab) : line;
    }

    HapmatrixException skipped(String where) {
        return new HapmatrixException(indexName + ": lines of " + matrix + " " + where + " are not in the index"
                + " (tabix takes a line starting with '#' for a comment, so a contig named '#...' cannot be"
                + " indexed); rename the contig, or delete the index to read the whole file");
    }

    /**
     * A block of the data that decodes wrong: damaged data, not a wrong index. Read where the index
     * points, not line by line, so no line number is known.
     */
    private HapmatrixException corrupt(ZipException e) {
        return new HapmatrixException(matrix + ": " + Compression.corruptDataMessage(e), e);
    }

    private HapmatrixException mismatch(String why) {
        return new HapmatrixException(indexName + ": index does not match " + matrix + " (" + why
                + ": the index of another file, or the file changed after indexing); re-index with "
                + TabixMatrixIndex.TABIX_COMMAND + " -f " + matrix);
    }

    private static String readLine(BlockCompressedInputStream bgzf) throws IOException {
        String line = readLineOrNull(bgzf);
        return line == null ? "" : line;
    }

    private static String readLineOrNull(BlockCompressedInputStream bgzf) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = bgzf.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }
}
