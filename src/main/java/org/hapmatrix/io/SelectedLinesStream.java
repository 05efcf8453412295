package org.hapmatrix.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * A matrix cut down to some of its lines (the header line, if the file has one, and the lines of
 * the selected contigs), as a stream the {@link MatrixParser} reads like a whole file. Every line
 * handed out ends with a newline, so a file's last line may be followed by the next contig's.
 */
abstract class SelectedLinesStream extends InputStream {
    private byte[] line = new byte[0];
    private int position;
    private int end;
    private boolean missingNewline;
    private boolean finished;

    /** Moves to the next selected line and returns the reader it sits in, or null when none is left. */
    protected abstract ContigLineStream nextSelectedLine() throws IOException;

    /** Compressed bytes read so far and in all, for progress. */
    abstract long bytesRead();

    abstract long bytesTotal();

    private boolean advance() throws IOException {
        if (finished) {
            return false;
        }
        if (missingNewline) {
            missingNewline = false;
            line = NEWLINE;
            position = 0;
            end = 1;
            return true;
        }
        ContigLineStream lines = nextSelectedLine();
        if (lines == null) {
            finished = true;
            return false;
        }
        line = lines.buffer();
        position = lines.lineStart();
        end = lines.lineEnd();
        missingNewline = end > position && line[end - 1] != '\n';
        return true;
    }

    private static final byte[] NEWLINE = {'\n'};

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == end) {
            if (!advance()) {
                return -1;
            }
        }
        int n = Math.min(length, end - position);
        System.arraycopy(line, position, target, offset, n);
        position += n;
        return n;
    }
}
