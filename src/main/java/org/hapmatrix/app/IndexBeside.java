package org.hapmatrix.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hapmatrix.export.IndexOutput;
import org.hapmatrix.format.IndexKind;
import org.hapmatrix.io.OutputTarget;

/**
 * The index file beside an output ({@code OUT.tbi} or {@code OUT.csi}), opened when the export
 * knows its kind and committed after the output. An index of the other kind left beside the
 * output by an earlier run is removed then: htslib would take a stale {@code .csi} before a new
 * {@code .tbi}, and an index no longer matches a file that was replaced.
 */
final class IndexBeside implements IndexOutput, AutoCloseable {
    private final String output;
    private OutputTarget target;
    private IndexKind kind = IndexKind.none;

    IndexBeside(String output) {
        this.output = output;
    }

    @Override
    public OutputTarget open(IndexKind chosen) {
        kind = chosen;
        target = OutputTarget.open(chosen.nameBeside(output), false);
        return target;
    }

    /** Commits the index written (if any) and removes stale indexes of {@code output}; call after committing the output. */
    void commit() {
        if (target != null) {
            target.commit();
        }
        removeStale(output, kind);
    }

    /** Removes indexes beside {@code output} other than {@code kept} (regular files only). */
    static void removeStale(String output, IndexKind kept) {
        if (output == null || OutputTarget.STDOUT.equals(output)) {
            return;
        }
        for (IndexKind other : IndexKind.values()) {
            if (other == IndexKind.none || other == kept) {
                continue;
            }
            Path stale = Path.of(other.nameBeside(output));
            try {
                if (Files.isRegularFile(stale)) {
                    Files.delete(stale);
                }
            } catch (IOException e) {
                // Left as it was: a stale index is the user's to remove, as before this run.
            }
        }
    }

    @Override
    public void close() {
        if (target != null) {
            target.close();
        }
    }
}
