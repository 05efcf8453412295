package org.hapmatrix.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input cut down to some contigs (its header and those contigs' lines or records), read as
 * if it were the whole file: a subclass hands out one piece (a line, a record) at a time; it
 * counts the compressed bytes it reads, for progress.
 */
abstract class SelectedBytesStream extends InputStream {
    private byte[] piece = new byte[0];
    private int position;
    private int end;

    /** Hands out the next piece through {@link #piece}; false when none is left. */
    protected abstract boolean nextPiece() throws IOException;

    /** The bytes {@code start} to {@code end} of {@code bytes} are read next. */
    protected final void piece(byte[] bytes, int start, int end) {
        this.piece = bytes;
        this.position = start;
        this.end = end;
    }

    /** Compressed bytes read so far and in all, for progress. */
    abstract long bytesRead();

    abstract long bytesTotal();

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == end) {
            if (!nextPiece()) {
                return -1;
            }
        }
        int n = Math.min(length, end - position);
        System.arraycopy(piece, position, target, offset, n);
        position += n;
        return n;
    }
}
