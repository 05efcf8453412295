package org.hapmatrix.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.zip.ZipException;
import org.hapmatrix.HapmatrixException;

/**
 * An opened matrix: a file, gzip- or BGZF-compressed or not, or a stream. This is the one place
 * where matrix input is opened. Only a regular file can be read a second time; standard input
 * ({@code -}) and every other kind of path ({@code /dev/stdin}, {@code <(...)}, a named pipe) are
 * streams, read once.
 */
public final class MatrixInput implements AutoCloseable {
    public static final String STDIN = "-";

    private final String name;
    private final long compressedSize;
    private final boolean rereadable;
    private final LongSupplier rawBytesRead;
    private final Compression compression;
    private final InputStream decoded;
    private final boolean onlySelectedLines;
    /** Streams whose first bytes {@link #peek} has read, by path: the next {@link #open} continues them. */
    private static final java.util.Map<String, MatrixInput> PEEKED_STREAMS = new java.util.HashMap<>();

    private MatrixInput(MatrixInput peeked, byte[] head, int headLength, InputStream rest) {
        this.name = peeked.name;
        this.compressedSize = peeked.compressedSize;
        this.rereadable = peeked.rereadable;
        this.rawBytesRead = peeked.rawBytesRead;
        this.compression = peeked.compression;
        this.decoded = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, 0, headLength), rest);
        this.onlySelectedLines = peeked.onlySelectedLines;
    }

    private MatrixInput(String name, long compressedSize, boolean rereadable, InputStream source) throws IOException {
        this.name = name;
        this.compressedSize = compressedSize;
        this.rereadable = rereadable;
        CountingInputStream raw = new CountingInputStream(source);
        this.rawBytesRead = () -> raw.count;
        this.onlySelectedLines = false;
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        try {
            this.compression = Compression.detect(buffered);
            this.decoded = compression.decode(buffered);
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
    }

    private MatrixInput(String name, SelectedBytesStream selectedLines, Compression compression, boolean rereadable) {
        this.name = name;
        this.compressedSize = selectedLines.bytesTotal();
        this.rereadable = rereadable;
        this.rawBytesRead = selectedLines::bytesRead;
        this.compression = compression;
        this.decoded = selectedLines;
        this.onlySelectedLines = true;
    }

    /** Whether this input holds only some contigs' lines (read through an index, or filtered while reading). */
    public boolean onlySelectedLines() {
        return onlySelectedLines;
    }

    /**
     * Some lines of a matrix (its header and some contigs' lines), read as if they were the whole
     * file, compressed as {@code compression}; {@code rereadable} as the file they come from.
     */
    static MatrixInput ofSelectedLines(String name, SelectedLinesStream selectedLines, Compression compression,
                                       boolean rereadable) {
        return new MatrixInput(name, selectedLines, compression, rereadable);
    }

    /**
     * The first (up to) {@code length} decompressed bytes of {@code path}, to recognise its format,
     * without consuming them: a regular file is opened and closed again; a stream (standard input,
     * a pipe), which cannot be opened twice, stays open and the next {@link #open} of the same path
     * starts from these bytes.
     */
    public static byte[] peek(String path, int length) {
        MatrixInput input = open(path);
        byte[] head = new byte[length];
        int read = 0;
        IOException failure = null;
        try {
            int n;
            while (read < length && (n = input.decoded.read(head, read, length - read)) > 0) {
                read += n;
            }
        } catch (IOException e) {
            failure = e;
        }
        if (failure != null && read == 0) {
            input.close();
            throw HapmatrixException.at(input.name, 1, Compression.readFailureMessage(failure));
        }
        // Data that ends or goes bad after the first bytes fails where the reader reaches it, at
        // the line where it does: a file is read again from the start, a stream goes on failing.
        if (input.rereadable || failure != null) {
            input.close();
        }
        if (!input.rereadable) {
            InputStream rest = failure == null ? input.decoded : new FailingInputStream(failure);
            synchronized (PEEKED_STREAMS) {
                PEEKED_STREAMS.put(path, new MatrixInput(input, head, read, rest));
            }
        }
        return java.util.Arrays.copyOf(head, read);
    }

    /** The rest of a stream whose read failed: the same failure, to whoever reads on. */
    private static final class FailingInputStream extends InputStream {
        private final IOException failure;

        FailingInputStream(IOException failure) {
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            throw failure;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            throw failure;
        }
    }

    /** Where a contig's records start and end in a BGZF file (virtual offsets), from its index. */
    public record ContigBlock(String contig, long start, long end) {
    }

    /**
     * The header and only the records of {@code blocks}' contigs of the BGZF VCF at {@code path},
     * reached by seeks through its index {@code indexFile}; rereadable as the file is.
     */
    public static MatrixInput ofIndexedVcf(String path, Path indexFile, java.util.List<ContigBlock> blocks) {
        try {
            return new MatrixInput(path, new IndexedVcfStream(path, Path.of(path), indexFile, blocks), Compression.BGZF, true);
        } catch (ZipException e) {
            // Its header, read here first: a header of many contig lines goes on past the block the format was recognised from.
            throw HapmatrixException.at(path, 1, Compression.corruptDataMessage(e));
        } catch (IOException e) {
            throw new HapmatrixException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The header and only the records of {@code blocks}' contigs of the BGZF BCF at {@code path},
     * reached by seeks through its index {@code indexFile}; {@code contigIds} gives each contig's
     * number in the header (a record names its contig by it).
     */
    public static MatrixInput ofIndexedBcf(String path, Path indexFile, java.util.List<ContigBlock> blocks,
                                           java.util.Map<String, Integer> contigIds) {
        try {
            return new MatrixInput(path, new IndexedBcfStream(path, Path.of(path), indexFile, blocks, contigIds),
                    Compression.BGZF, true);
        } catch (IOException e) {
            throw new HapmatrixException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Closes a stream {@link #peek} kept for {@code path} that no {@link #open} took. */
    public static void forgetPeeked(String path) {
        MatrixInput peeked;
        synchronized (PEEKED_STREAMS) {
            peeked = PEEKED_STREAMS.remove(path);
        }
        if (peeked != null) {
            peeked.close();
        }
    }

    /** Opens {@code path}, or standard input for {@code -}; a missing or unreadable file is a usage error. */
    public static MatrixInput open(String path) {
        synchronized (PEEKED_STREAMS) {
            MatrixInput peeked = PEEKED_STREAMS.remove(path);
            if (peeked != null) {
                return peeked;
            }
        }
        String name = STDIN.equals(path) ? "<stdin>" : path;
        try {
            if (STDIN.equals(path)) {
                return new MatrixInput(name, -1, false, System.in);
            }
            Path file = Path.of(path);
            if (Files.isDirectory(file)) {
                throw HapmatrixException.usage(path + ": is a directory, not a matrix file");
            }
            if (!Files.exists(file)) {
                throw HapmatrixException.usage(path + ": no such file");
            }
            // A pipe, a device or a process substitution: opened once, as a stream.
            boolean regular = Files.isRegularFile(file);
            return new MatrixInput(name, regular ? Files.size(file) : -1, regular, Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw HapmatrixException.usage(path + ": no such file");
        } catch (AccessDeniedException e) {
            throw HapmatrixException.usage(path + ": permission denied");
        } catch (IOException e) {
            // Only a gzip header cut short or damaged is read here, on line 1.
            String damage = Compression.damageMessage(e);
            if (damage != null) {
                throw HapmatrixException.at(name, 1, damage);
            }
            throw new HapmatrixException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Whether the same path can be opened again from the start: true only for a regular file. */
    public boolean rereadable() {
        return rereadable;
    }

    /** How the content is compressed, as recognised from its first bytes. */
    public Compression compression() {
        return compression;
    }

    /** The name used in messages: the path as given, or {@code <stdin>}. */
    public String name() {
        return name;
    }

    /** Size of the file on disk, or -1 for a stream. */
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
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                // Marked so that the decoders' damage reports cannot be confused with it.
                throw new Compression.SourceReadFailure(e);
            }
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
