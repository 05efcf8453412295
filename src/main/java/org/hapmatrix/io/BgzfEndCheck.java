package org.hapmatrix.io;

import htsjdk.samtools.util.BlockCompressedStreamConstants;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The raw side of a BGZF stream, remembering its last bytes: BGZF data ends with an empty
 * end-of-file block, and a file cut at a block boundary decodes cleanly without it. At the end of
 * the decoded data ({@link Decoded}) the last bytes read must be that block, as bcftools requires;
 * this works on a pipe as on a file.
 */
public final class BgzfEndCheck extends FilterInputStream {
    /** The message of the {@link EOFException} for data that stops after a whole block. */
    public static final String NO_END_BLOCK = "no BGZF end-of-file block";

    private static final byte[] END_BLOCK = BlockCompressedStreamConstants.EMPTY_GZIP_BLOCK;

    private final byte[] tail = new byte[END_BLOCK.length];
    private int tailLength;

    BgzfEndCheck(InputStream raw) {
        super(raw);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            remember(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            remember(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // The decoder reads blocks whole; skipping would hide bytes from the tail.
        byte[] skipped = new byte[(int) Math.min(n, 1 << 16)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    private void remember(byte[] bytes, int offset, int n) {
        if (n >= tail.length) {
            System.arraycopy(bytes, offset + n - tail.length, tail, 0, tail.length);
            tailLength = tail.length;
            return;
        }
        int keep = Math.min(tailLength, tail.length - n);
        System.arraycopy(tail, tailLength - keep, tail, 0, keep);
        System.arraycopy(bytes, offset, tail, keep, n);
        tailLength = keep + n;
    }

    boolean endsWithEndBlock() {
        return tailLength == tail.length && Arrays.equals(tail, END_BLOCK);
    }

    /** " (no BGZF end-of-file block)" for that truncation, else nothing: for "gzip data is truncated". */
    public static String detail(EOFException e) {
        return NO_END_BLOCK.equals(e.getMessage()) ? " (" + NO_END_BLOCK + ")" : "";
    }

    /** The decoded stream, which fails at its end unless the raw data ended with the end-of-file block. */
    static final class Decoded extends FilterInputStream {
        private final BgzfEndCheck raw;

        Decoded(InputStream decoder, BgzfEndCheck raw) {
            super(decoder);
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            return b < 0 ? end() : b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            return n < 0 ? end() : n;
        }

        private int end() throws IOException {
            if (!raw.endsWithEndBlock()) {
                throw new EOFException(NO_END_BLOCK);
            }
            return -1;
        }
    }
}
