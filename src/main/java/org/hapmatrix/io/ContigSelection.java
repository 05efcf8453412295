package org.hapmatrix.io;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.hapmatrix.HapmatrixException;

/**
 * Opens a matrix for reading only some contigs: through its tabix index when it has one (only
 * those contigs' blocks are read), else by reading the whole file.
 */
public final class ContigSelection {
    private ContigSelection() {
    }

    /**
     * The matrix at {@code path} restricted to {@code contigs} (all of it for an empty list).
     * Without an index, {@code filterWithoutIndex} decides whether the other contigs' lines are
     * dropped while reading ({@code load}) or kept for a later selection ({@code convert}, which
     * selects at export and so reads the file exactly as without {@code --contigs}).
     */
    public static MatrixInput open(String path, List<String> contigs, boolean headerGiven, boolean filterWithoutIndex) {
        if (contigs.isEmpty()) {
            return MatrixInput.open(path);
        }
        Optional<TabixMatrixIndex> index = TabixMatrixIndex.find(path, headerGiven);
        if (index.isPresent()) {
            for (String contig : contigs) {
                if (!index.get().contains(contig) && contig.startsWith("#")) {
                    throw new HapmatrixException(index.get().indexFile() + ": cannot hold contig '" + contig
                            + "' (tabix takes a line starting with '#' for a comment); rename the contig, or delete"
                            + " the index to read the whole file");
                }
                if (!index.get().contains(contig)) {
                    throw HapmatrixException.usage(path + ": unknown contig '" + contig + "'");
                }
            }
            try {
                return MatrixInput.ofSelectedLines(path, new IndexedContigStream(path, index.get(), contigs, headerGiven),
                        Compression.BGZF, true);
            } catch (IOException e) {
                throw new HapmatrixException(path + ": cannot read: " + e.getMessage(), e);
            }
        }
        if (!filterWithoutIndex) {
            return MatrixInput.open(path);
        }
        MatrixInput whole = MatrixInput.open(path);
        return MatrixInput.ofSelectedLines(whole.name(), new FilteredContigStream(whole, contigs, headerGiven),
                whole.compression(), whole.rereadable());
    }
}
