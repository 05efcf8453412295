package org.hapmatrix.io;

import htsjdk.samtools.BinningIndexContent;
import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.tribble.index.Block;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndex;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hapmatrix.HapmatrixException;

/**
 * The tabix index ({@code MATRIX.tbi}, made by {@code tabix -s1 -b2 -e2 -S1}) of a bgzip-compressed
 * matrix: where each contig's lines start in the file, in file order. Only an index that surely
 * describes this file is used: one older than the data, or built for other columns, is an error
 * rather than a silent wrong answer.
 */
public final class TabixMatrixIndex {
    /** The command that makes the index this class accepts, for messages. */
    public static final String TABIX_COMMAND = "tabix -s1 -b2 -e2 -S1";

    private final Path data;
    private final Path indexFile;
    /** Contig name (UTF-8) to the virtual offsets where its blocks begin and end, in file order. */
    private final Map<String, Span> contigSpans;

    /** Virtual file offsets (BGZF block address << 16 | offset in the block). */
    record Span(long start, long end) {
    }

    private TabixMatrixIndex(Path data, Path indexFile, Map<String, Span> contigSpans) {
        this.data = data;
        this.indexFile = indexFile;
        this.contigSpans = contigSpans;
    }

    /** {@code MATRIX.tbi} beside a regular file. */
    public static Path indexPath(String matrix) {
        return Path.of(FileExtensions.tabixIndexOf(matrix));
    }

    /**
     * The index of {@code matrix} if it has one (empty for standard input, a non-regular file or
     * no {@code .tbi}); {@code headerGiven} says whether the header comes from {@code --header},
     * in which case the file has no header line and the index must skip none.
     */
    public static Optional<TabixMatrixIndex> find(String matrix, boolean headerGiven) {
        if (MatrixInput.STDIN.equals(matrix)) {
            return Optional.empty();
        }
        Path data = Path.of(matrix);
        Path indexFile = indexPath(matrix);
        if (!Files.isRegularFile(data) || !Files.isRegularFile(indexFile)) {
            return Optional.empty();
        }
        return Optional.of(read(matrix, data, indexFile, headerGiven));
    }

    private static TabixMatrixIndex read(String matrix, Path data, Path indexFile, boolean headerGiven) {
        String indexName = indexFile.toString();
        try {
            if (Files.getLastModifiedTime(indexFile).compareTo(Files.getLastModifiedTime(data)) < 0) {
                throw new HapmatrixException(indexName + ": index is older than " + matrix
                        + " (stale); re-index with " + TABIX_COMMAND + " -f " + matrix);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(data))) {
                if (!BlockCompressedInputStream.isValidFile(in)) {
                    throw new HapmatrixException(matrix + ": has a tabix index (" + indexName
                            + ") but is not bgzip-compressed; compress it with bgzip, then " + TABIX_COMMAND);
                }
            }
        } catch (IOException e) {
            throw new HapmatrixException(indexName + ": cannot read: " + e.getMessage(), e);
        }
        TabixIndex index;
        try {
            index = new TabixIndex(indexFile);
        } catch (IOException | RuntimeException e) {
            throw new HapmatrixException(indexName + ": not a tabix index (" + e.getMessage() + ")", e);
        }
        checkFormat(index.getFormatSpec(), indexName, headerGiven, !headerGiven && headerIsComment(data, indexName));
        // htsjdk decodes the names as Latin-1; the matrix's names are UTF-8.
        List<Map.Entry<String, Span>> spans = new ArrayList<>();
        for (String latin1Name : index.getSequenceNames()) {
            List<Block> blocks = index.getBlocks(latin1Name, 1, Integer.MAX_VALUE);
            if (blocks.isEmpty()) {
                continue;
            }
            long first = blocks.stream().mapToLong(Block::getStartPosition).min().getAsLong();
            long last = blocks.stream().mapToLong(Block::getEndPosition).max().getAsLong();
            String name = new String(latin1Name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            spans.add(Map.entry(name, new Span(first, last)));
        }
        // File order is the order of the contigs' first blocks (tabix only indexes sorted files,
        // where each contig's lines are contiguous).
        spans.sort(Comparator.comparingLong(entry -> entry.getValue().start()));
        Map<String, Span> contigSpans = new LinkedHashMap<>();
        spans.forEach(entry -> contigSpans.put(entry.getKey(), entry.getValue()));
        if (!spans.isEmpty()) {
            String last = spans.get(spans.size() - 1).getKey();
            TabixIndexCoverage.check(matrix, indexName, data, contigSpans, headerGiven,
                    lastWindowStart(index, new String(last.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
                            contigSpans.get(last).start()));
        }
        return new TabixMatrixIndex(data, indexFile, contigSpans);
    }

    /**
     * Where the lines of {@code latin1Name}'s highest 16 kb window begin: the last entry of its
     * linear index (for each window, the first of its lines), read in memory; a contig's last lines
     * without reading the whole contig. (Halving over positions with getBlocks found the same
     * place in 31 queries of a whole contig's bins: a tenth of a one-contig task's extra CPU.)
     */
    private static long lastWindowStart(TabixIndex index, String latin1Name, long contigStart) {
        int reference = index.getSequenceNames().indexOf(latin1Name);
        BinningIndexContent content = reference < 0 ? null : index.getIndices()[reference];
        long[] windows = content == null || content.getLinearIndex() == null ? new long[0]
                : content.getLinearIndex().getIndexEntries();
        for (int window = windows.length - 1; window >= 0; window--) {
            if (windows[window] != 0) {
                return Math.max(windows[window], contigStart);
            }
        }
        return contigStart;
    }

    /** Whether the file's first line, its header, starts with {@code #}: tabix then skips it as a comment. */
    private static boolean headerIsComment(Path data, String indexName) {
        try (InputStream in = BgzfCompressors.reader(new BufferedInputStream(Files.newInputStream(data)), true)) {
            return in.read() == '#';
        } catch (IOException | RuntimeException e) {
            throw new HapmatrixException(indexName + ": cannot read " + data + ": " + e.getMessage(), e);
        }
    }

    private static void checkFormat(TabixFormat format, String indexName, boolean headerGiven, boolean headerIsComment) {
        int expectedSkip = headerGiven ? 0 : 1;
        boolean matrixColumns = format.flags == TabixFormat.GENERIC_FLAGS && format.sequenceColumn == 1
                && format.startPositionColumn == 2 && format.endPositionColumn == 2 && format.metaCharacter == '#';
        // A header line starting with '#' is skipped by tabix as a comment, so -S0 serves as well as -S1.
        boolean skipsHeader = format.numHeaderLinesToSkip == expectedSkip || (headerIsComment && format.numHeaderLinesToSkip == 0);
        if (!matrixColumns || !skipsHeader) {
            String found = "-s" + format.sequenceColumn + " -b" + format.startPositionColumn + " -e"
                    + format.endPositionColumn + " -S" + format.numHeaderLinesToSkip + " -c'" + format.metaCharacter + "'"
                    + (format.flags == TabixFormat.GENERIC_FLAGS ? "" : " preset/flags " + format.flags);
            throw new HapmatrixException(indexName + ": index was built for other columns (" + found + "); a matrix "
                    + (headerGiven ? "without a header line (--header) needs tabix -s1 -b2 -e2 -S0"
                            : "needs " + TABIX_COMMAND));
        }
    }

    /** The contig names in file order. */
    public List<String> contigs() {
        return List.copyOf(contigSpans.keySet());
    }

    /**
     * Checks that every contig's span begins with that contig's line, a line read at each: what
     * a full list needs, since tabix hides a '#' contig at the start of the next contig's span.
     */
    public void requireEveryLineIndexed(boolean headerGiven) {
        TabixIndexCoverage.checkEveryStart(data.toString(), indexFile.toString(), data, contigSpans, headerGiven);
    }

    /** The error for lines tabix skipped, found where a contig's lines were expected. */
    HapmatrixException skippedLines(String where) {
        return new TabixIndexCoverage(data.toString(), indexFile.toString(), data).skipped(where);
    }

    public boolean contains(String contig) {
        return contigSpans.containsKey(contig);
    }

    /** Where the contig's lines are in the file. */
    Span span(String contig) {
        return contigSpans.get(contig);
    }

    Path data() {
        return data;
    }

    public Path indexFile() {
        return indexFile;
    }
}
