package org.hapmatrix.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.export.IndexOutput;
import org.hapmatrix.format.IndexKind;
import org.hapmatrix.io.DataAndIndex;
import org.hapmatrix.io.OutputTarget;

/**
 * The index file beside an output ({@code OUT.tbi} or {@code OUT.csi}), opened when the export
 * knows its kind and put in place with the output as a pair ({@link #commitWith}).
 */
final class IndexBeside implements IndexOutput, AutoCloseable {
    private final String output;
    private OutputTarget target;

    IndexBeside(String output) {
        this.output = output;
    }

    @Override
    public OutputTarget open(IndexKind chosen) {
        target = OutputTarget.open(chosen.nameBeside(output), false);
        return target;
    }

    /**
     * Puts {@code data} (the output) and the index written, if any, in place as a pair
     * ({@link DataAndIndex}): no index of the old file, of either kind, is ever left beside the
     * new one (htslib would take a stale {@code .csi} before a new {@code .tbi}).
     */
    void commitWith(OutputTarget data) {
        DataAndIndex.commit(data, target, indexesBeside(output));
    }

    /** Every index file name an output may have beside it (none for standard output). */
    static List<Path> indexesBeside(String output) {
        if (output == null || OutputTarget.STDOUT.equals(output)) {
            return List.of();
        }
        List<Path> indexes = new ArrayList<>();
        for (IndexKind kind : IndexKind.values()) {
            if (kind != IndexKind.none) {
                indexes.add(Path.of(kind.nameBeside(output)).toAbsolutePath());
            }
        }
        return indexes;
    }

    @Override
    public void close() {
        if (target != null) {
            target.close();
        }
    }
}
