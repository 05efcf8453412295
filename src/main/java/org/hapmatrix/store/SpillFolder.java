package org.hapmatrix.store;

import java.io.IOException;
import java.nio.file.Path;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.ScratchNames;

/**
 * Where DuckDB spills: a folder of one open database inside {@code --tmp-dir} (not the folder
 * itself), deleted when the database closes or at exit (Ctrl-C included); a killed run's is
 * recognised later by its name; and the {@code sql} sandbox allows writing there and nowhere else.
 */
final class SpillFolder {
    private SpillFolder() {
    }

    /** A new spill folder in {@code tmpDir}, registered for deletion at exit. */
    static Path create(Path tmpDir) {
        try {
            return ScratchNames.createFolder(tmpDir.toAbsolutePath(), "spill");
        } catch (IOException e) {
            throw new HapmatrixException(tmpDir + ": cannot create a scratch folder: " + e.getMessage(), e);
        }
    }
}
