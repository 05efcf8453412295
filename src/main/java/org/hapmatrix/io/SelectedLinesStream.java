package org.hapmatrix.io;

import java.io.IOException;

/**
 * A matrix cut down to some of its lines (the header line, if the file has one, and the lines of
 * the selected contigs), as a stream the {@link MatrixParser} reads like a whole file. Every line
 * handed out ends with a newline, so a file's last line may be followed by the next contig's.
 */
abstract class SelectedLinesStream extends SelectedBytesStream {
    private static final byte[] NEWLINE = {'\n'};

    private boolean missingNewline;
    private boolean finished;

    /** Moves to the next selected line and returns the reader it sits in, or null when none is left. */
    protected abstract ContigLineStream nextSelectedLine() throws IOException;

    @Override
    protected final boolean nextPiece() throws IOException {
        if (finished) {
            return false;
        }
        if (missingNewline) {
            missingNewline = false;
            piece(NEWLINE, 0, 1);
            return true;
        }
        ContigLineStream lines = nextSelectedLine();
        if (lines == null) {
            finished = true;
            return false;
        }
        int start = lines.lineStart();
        int end = lines.lineEnd();
        piece(lines.buffer(), start, end);
        missingNewline = end > start && lines.buffer()[end - 1] != '\n';
        return true;
    }
}
