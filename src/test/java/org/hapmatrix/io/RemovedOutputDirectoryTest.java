package org.hapmatrix.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hapmatrix.HapmatrixException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output directory removed while a run loads is an I/O failure (exit 1), not a usage error (exit 2). */
class RemovedOutputDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void directoryRemovedAfterTheStartIsNotAUsageError() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("out"));
        String output = folder.resolve("result.txt").toString();
        OutputTarget.checkWritable(output); // at the start of a run
        Files.delete(folder); // while it loads
        HapmatrixException error = assertThrows(HapmatrixException.class, () -> OutputTarget.open(output));
        assertFalse(error.isUsageError(), error.getMessage());
        assertEquals(output + ": the output directory was removed during the run", error.getMessage());
        // A directory that never existed stays a usage error.
        HapmatrixException never = assertThrows(HapmatrixException.class,
                () -> OutputTarget.open(tmp.resolve("never/x.txt").toString()));
        assertTrue(never.isUsageError(), never.getMessage());
    }
}
