package org.hapmatrix.io;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.RuntimeIOException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * How a matrix is compressed, recognised by its first bytes (so also on a pipe or under any name),
 * and the decoder for it. Both decoders read every gzip member to the end of the input, blocking
 * for more data rather than asking {@code available()} (JDK's GZIPInputStream stops after a member
 * when the next one has not arrived yet). Damaged data surfaces as {@link EOFException} (truncated)
 * or {@link ZipException} (corrupt); a failed read of the source itself stays as it was.
 */
public enum Compression {
    /** Plain text. */
    NONE,
    /** gzip, any number of concatenated members. */
    GZIP,
    /** BGZF (bgzip, tabix): gzip members of at most 64 KiB, each marked with a block size. */
    BGZF;

    private static final int BGZF_HEADER_BYTES = 18;

    /** Looks at the first bytes of {@code in} without consuming them. */
    static Compression detect(BufferedInputStream in) throws IOException {
        in.mark(BGZF_HEADER_BYTES);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first != 0x1f || second != 0x8b) {
            return NONE;
        }
        // htsjdk's own test: the gzip header with BGZF's 'BC' extra field (it resets the stream).
        return BlockCompressedInputStream.isValidFile(in) ? BGZF : GZIP;
    }

    /** The decoded content of {@code in}; a gzip header already cut short fails here with EOFException. */
    InputStream decode(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new DamageReporting(openGzip(in));
            case BGZF -> {
                BgzfEndCheck raw = new BgzfEndCheck(in);
                yield new DamageReporting(new BgzfEndCheck.Decoded(BgzfCompressors.reader(raw, false), raw));
            }
        };
    }

    private static InputStream openGzip(InputStream in) throws IOException {
        try {
            return new DecodedBeforeFailure(new GzipCompressorInputStream(in, true));
        } catch (SourceReadFailure e) {
            throw e;
        } catch (EOFException e) {
            throw e;
        } catch (IOException e) {
            throw new ZipException(e.getMessage());
        }
    }

    /**
     * Hands on the bytes a read decoded before the gzip data ended or went bad, and fails from the
     * next read on. commons-compress fills the whole buffer or throws, dropping what it decoded:
     * the reader (whose reads are 1 MiB) would name the line its read began at, line 1 for a small
     * file, not the line where the data ended.
     */
    private static final class DecodedBeforeFailure extends FilterInputStream {
        private final GzipCompressorInputStream gzip;
        private IOException failure;

        DecodedBeforeFailure(GzipCompressorInputStream gzip) {
            super(gzip);
            this.gzip = gzip;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (failure != null) {
                throw failure;
            }
            // The decoder counts each inflate's output as it writes it to the buffer, so the count
            // still holds the bytes of a read that then failed.
            long decodedBefore = gzip.getUncompressedCount();
            try {
                return gzip.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                int decoded = (int) (gzip.getUncompressedCount() - decodedBefore);
                if (decoded > 0) {
                    return decoded;
                }
                throw e;
            }
        }
    }

    /**
     * How every reader words the damage a decoder found: "gzip data is corrupt (REASON)", for gzip
     * and BGZF alike (a BGZF file is gzip, and gzip -t is what a user checks it with).
     */
    public static String corruptDataMessage(ZipException e) {
        return "gzip data is corrupt" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    /**
     * What a failed read of decoded input means, in the words every reader uses: "gzip data is
     * truncated" (with " (no BGZF end-of-file block)" for that truncation) or "gzip data is corrupt
     * (REASON)"; null for a failed read of the source itself (disk, pipe), which readers word
     * differently ("read failed", "cannot read").
     */
    public static String damageMessage(IOException e) {
        if (e instanceof EOFException eof) {
            return "gzip data is truncated" + BgzfEndCheck.detail(eof);
        }
        if (e instanceof ZipException zip) {
            return corruptDataMessage(zip);
        }
        return null;
    }

    /** {@link #damageMessage}, or "read failed: MESSAGE" for a failed read of the source itself. */
    public static String readFailureMessage(IOException e) {
        String damage = damageMessage(e);
        return damage != null ? damage : "read failed: " + e.getMessage();
    }

    /** A failed read of the compressed source (disk, pipe), as opposed to damaged data. */
    static final class SourceReadFailure extends IOException {
        SourceReadFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Gives the decoders' many ways to report damage (IOExceptions with texts, htsjdk's runtime
     * exceptions) the two types the parser reports: truncated or corrupt.
     */
    private static final class DamageReporting extends FilterInputStream {
        DamageReporting(InputStream decoder) {
            super(decoder);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return in.read(buffer, offset, length);
            } catch (SourceReadFailure | EOFException | ZipException e) {
                throw e;
            } catch (IOException e) {
                if (e.getCause() instanceof SourceReadFailure failure) {
                    throw failure;
                }
                throw damage(e);
            } catch (RuntimeIOException e) {
                if (e.getCause() instanceof SourceReadFailure failure) {
                    throw failure;
                }
                throw damage(e);
            } catch (SAMException e) {
                throw damage(e);
            }
        }

        private static IOException damage(Exception e) {
            String message = String.valueOf(e.getMessage());
            // htsjdk: "Premature end of file", "Incorrect header size", FileTruncatedException.
            if (message.contains("Premature end") || message.contains("Incorrect header size")
                    || e instanceof htsjdk.samtools.FileTruncatedException) {
                return new EOFException(message);
            }
            // commons-compress's "Gzip-compressed data is corrupt (CRC32 error)": only the reason in
            // parentheses, if any, adds to the parser's own words.
            String generic = "Gzip-compressed data is corrupt";
            if (message.startsWith(generic)) {
                String reason = message.substring(generic.length()).strip();
                return new ZipException(reason.startsWith("(") && reason.endsWith(")")
                        ? reason.substring(1, reason.length() - 1) : null);
            }
            return new ZipException(message);
        }
    }
}
