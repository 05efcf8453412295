package org.hapmatrix.format;

import java.nio.file.Path;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.ContigSelection;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.MatrixHeader;
import org.hapmatrix.matrix.OpenedInput;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SamplePairs;
import org.hapmatrix.matrix.SiteBatchReader;

/**
 * A matrix file (or standard input) opened for loading, its header already read: from a header
 * file if one is given, else from the matrix's first line. The first {@link #open()} hands out
 * that parser; a regular file may be opened again from the start, a stream may not.
 */
public final class OpenedMatrix implements OpenedInput {
    private final String path;
    private final MatrixHeader headerFromFile;
    private final String headerFile;
    private final List<String> contigs;
    private final boolean filterWithoutIndex;
    private final long sizeBytes;
    private final String name;
    private final boolean reopenable;
    private boolean onlySelectedContigs;
    private SiteBatchReader first;

    private OpenedMatrix(String path, MatrixHeader headerFromFile, String headerFile, List<String> contigs,
                         boolean filterWithoutIndex) {
        this.path = path;
        this.headerFromFile = headerFromFile;
        this.headerFile = headerFile;
        this.contigs = List.copyOf(contigs);
        this.filterWithoutIndex = filterWithoutIndex;
        this.first = parse();
        this.sizeBytes = first.bytesTotal();
        this.name = first.sourceName();
        this.reopenable = first.sourceRereadable();
    }

    /**
     * Opens the matrix at {@code path} ({@code -} for standard input) and reads its header at once,
     * from {@code headerFile} when not null, so a bad header fails before any data is loaded.
     */
    public static OpenedMatrix open(String path, Path headerFile) {
        return open(path, headerFile, List.of(), false);
    }

    /**
     * As {@link #open(String, Path)}, reading only {@code contigs} (all for an empty list): through
     * the matrix's tabix index when it has one, see {@link ContigSelection}; without an index,
     * {@code filterWithoutIndex} drops the other contigs' lines while reading.
     */
    public static OpenedMatrix open(String path, Path headerFile, List<String> contigs, boolean filterWithoutIndex) {
        MatrixHeader header = headerFile == null ? null : MatrixHeader.readFile(headerFile);
        return new OpenedMatrix(path, header, headerFile == null ? null : headerFile.toString(), contigs,
                filterWithoutIndex);
    }

    /** The name a matrix path has in messages, known before it is opened. */
    public static String displayName(String path) {
        return MatrixInput.STDIN.equals(path) ? "<stdin>" : path;
    }

    private SiteBatchReader parse() {
        MatrixInput input = ContigSelection.open(path, contigs, headerFromFile != null, filterWithoutIndex);
        onlySelectedContigs = input.onlySelectedLines();
        try {
            return new MatrixParser(input, headerFromFile);
        } catch (RuntimeException e) {
            input.close();
            throw e;
        }
    }

    public MatrixHeader header() {
        return first != null ? first.header() : headerFromFile;
    }

    /**
     * Checks names to keep (--samples: sample columns or pair names of the pairs in effect, the
     * explicit ones or else the default ones) against the header's, naming the file the names came from.
     */
    public void validateSamples(List<String> wanted, List<SamplePair> explicitPairs) {
        String source = headerFile != null ? headerFile : name;
        List<SamplePair> pairs = explicitPairs.isEmpty() ? SamplePairs.byNamingRule(header().samples())
                : SamplePairs.resolveNamed(explicitPairs, header().samples(), source);
        SamplePairs.keptBySamples(pairs, wanted, header().samples(), source);
    }

    /** Checks explicit pairs against the header's samples, naming the file the names came from. */
    public void validatePairs(List<SamplePair> pairs) {
        if (!pairs.isEmpty()) {
            SamplePairs.validate(pairs, header().samples(), headerFile != null ? headerFile : name);
        }
    }

    @Override
    public SiteBatchReader open() {
        if (first != null) {
            SiteBatchReader parser = first;
            first = null;
            return parser;
        }
        if (!reopenable()) {
            throw new IllegalStateException(name + " is a stream and cannot be read twice");
        }
        return parse();
    }

    @Override
    public boolean readsOnlySelectedContigs() {
        return onlySelectedContigs;
    }

    @Override
    public boolean reopenable() {
        return reopenable;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public String headerSource() {
        return headerFile != null ? headerFile : "first line of " + name;
    }

    @Override
    public void close() {
        if (first != null) {
            first.close();
        }
    }
}
