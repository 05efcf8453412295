package org.hapmatrix.export;

import org.hapmatrix.format.IndexKind;
import org.hapmatrix.io.OutputTarget;

/**
 * Where an export's index goes, opened only once the last record is known: a default {@code .tbi}
 * becomes a {@code .csi} when a position is beyond its reach, and the file's name says which.
 */
@FunctionalInterface
public interface IndexOutput {
    OutputTarget open(IndexKind kind);
}
