package org.hapmatrix.matrix;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import org.hapmatrix.HapmatrixException;

/** An opened matrix: a file, gzip-compressed or not, or standard input ({@code -}). */
public final class MatrixInput implements AutoCloseable {
    public static final String STDIN = "-";

    private final String name;
    private final long compressedSize;
    private final LongSupplier rawBytesRead;
    private final InputStream decoded;

    private MatrixInput(String name, long compressedSize, InputStream source) throws IOException {
        this.name = name;
        this.compressedSize = compressedSize;
        CountingInputStream raw = new CountingInputStream(source);
        this.rawBytesRead = () -> raw.count;
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        // gzip is recognised by its magic bytes, so a .gz on stdin or a misnamed file works too.
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        this.decoded = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    private MatrixInput(String name, SelectedLinesStream selectedLines) {
        this.name = name;
        this.compressedSize = selectedLines.bytesTotal();
        this.rawBytesRead = selectedLines::bytesRead;
        this.decoded = selectedLines;
    }

    /** Some lines of a matrix (its header and some contigs' lines), read as if they were the whole file. */
    static MatrixInput ofSelectedLines(String name, SelectedLinesStream selectedLines) {
        return new MatrixInput(name, selectedLines);
    }

    /** Opens {@code path}, or standard input for {@code -}; a missing or unreadable file is a usage error. */
    public static MatrixInput open(String path) {
        try {
            if (STDIN.equals(path)) {
                return new MatrixInput("<stdin>", -1, System.in);
            }
            Path file = Path.of(path);
            if (Files.isDirectory(file)) {
                throw HapmatrixException.usage(path + ": is a directory, not a matrix file");
            }
            return new MatrixInput(path, Files.size(file), Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw HapmatrixException.usage(path + ": no such file");
        } catch (AccessDeniedException e) {
            throw HapmatrixException.usage(path + ": permission denied");
        } catch (IOException e) {
            throw new HapmatrixException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The name used in messages: the path as given, or {@code <stdin>}. */
    public String name() {
        return name;
    }

    /** Size of the file on disk, or -1 for standard input. */
    public long compressedSize() {
        return compressedSize;
    }

    /** Bytes consumed from the file so far (compressed bytes for gzip), for progress. */
    public long rawBytesRead() {
        return rawBytesRead.getAsLong();
    }

    /** The decompressed content. */
    public InputStream stream() {
        return decoded;
    }

    @Override
    public void close() {
        try {
            decoded.close();
        } catch (IOException ignored) {
            // Nothing was written through this stream; a failed close loses nothing.
        }
    }

    private static final class CountingInputStream extends InputStream {
        private final InputStream in;
        private volatile long count;

        CountingInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
