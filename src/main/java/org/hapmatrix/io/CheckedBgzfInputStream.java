package org.hapmatrix.io;

import htsjdk.samtools.SAMFormatException;
import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.RuntimeIOException;
import htsjdk.samtools.util.zip.InflaterFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;

/**
 * A BGZF reader that checks every block as bgzip and htslib do, and reports a damaged one as a
 * {@link ZipException} (what the readers report as "gzip data is corrupt"), whichever inflater
 * decoded it:
 * <ul>
 * <li>the CRC32 of the decoded bytes against the block's trailer: htsjdk skips it by default, so a
 * changed byte in a stored (level 0) block, or one that still inflates, would be read as data;</li>
 * <li>a deflate stream that does not decode: Java's zlib fails with a {@link DataFormatException}
 * that htsjdk wraps in a {@link RuntimeIOException}, GKL's inflater with a bare
 * {@link RuntimeException} ("Invalid lookback distance found.") that no reader expects.</li>
 * </ul>
 * A block header that is not BGZF's stays htsjdk's own exception: read through an index, it means
 * that the index points elsewhere than a block, which the indexed readers report as such.
 * Once a block failed, every later read fails alike: htsjdk would go on with the next block.
 */
final class CheckedBgzfInputStream extends BlockCompressedInputStream {
    /** htsjdk's BlockGunzipper messages for a block whose decoded bytes do not match its trailer. */
    private static final String HTSJDK_CRC_MISMATCH = "CRC mismatch";
    private static final String HTSJDK_SIZE_MISMATCH = "Did not inflate expected amount";
    /** The reason given for a CRC mismatch, as commons-compress gives it for plain gzip. */
    static final String CRC_ERROR = "CRC32 error";

    private ZipException damage;

    CheckedBgzfInputStream(File file, InflaterFactory inflaters) throws IOException {
        super(file, inflaters);
        setCheckCrcs(true);
    }

    CheckedBgzfInputStream(InputStream in, boolean buffered, InflaterFactory inflaters) {
        super(in, buffered, inflaters);
        setCheckCrcs(true);
    }

    @Override
    protected DecompressedBlock nextBlock(byte[] bufferAvailableForReuse) {
        if (damage == null) {
            try {
                return super.nextBlock(bufferAvailableForReuse);
            } catch (RuntimeException e) {
                damage = damageOf(e);
                if (damage == null) {
                    throw e;
                }
            }
        }
        // Thrown, not returned as a block holding the exception: seek() would skip such a block
        // and read on from the next one.
        throw new DamagedBlock(damage);
    }

    /** The damage {@code e} reports, or null if it is not about a block's content. */
    private static ZipException damageOf(RuntimeException e) {
        String message = e.getMessage();
        if (e instanceof SAMFormatException) {
            if (HTSJDK_CRC_MISMATCH.equals(message)) {
                return new ZipException(CRC_ERROR);
            }
            return HTSJDK_SIZE_MISMATCH.equals(message) ? new ZipException(message) : null;
        }
        if (e instanceof RuntimeIOException && e.getCause() instanceof DataFormatException zlib) {
            return new ZipException(zlib.getMessage());
        }
        if (e.getClass() == RuntimeException.class && message != null) {
            // GKL's IntelInflater, from JNI: ISA-L's reason, ending with a full stop.
            return new ZipException(message.endsWith(".") ? message.substring(0, message.length() - 1) : message);
        }
        return null;
    }

    /** Carries the damage out of {@link #nextBlock}, which cannot throw an IOException, to the public methods. */
    private static final class DamagedBlock extends RuntimeException {
        private final ZipException damage;

        DamagedBlock(ZipException damage) {
            super(damage.getMessage(), null, false, false);
            this.damage = damage;
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (DamagedBlock e) {
            throw e.damage;
        }
    }

    /**
     * At most the rest of the current block (htsjdk's read goes on into the next blocks): the bytes
     * of the blocks before a damaged one reach the reader, which then names the line the damage is
     * at, not the line its read began at, a megabyte earlier.
     */
    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int available = available();
        if (available == 0) {
            return -1; // htsjdk's end: no block, or an empty one
        }
        try {
            return super.read(buffer, offset, Math.min(length, available));
        } catch (DamagedBlock e) {
            throw e.damage;
        }
    }

    @Override
    public String readLine() throws IOException {
        try {
            return super.readLine();
        } catch (DamagedBlock e) {
            throw e.damage;
        }
    }

    @Override
    public int available() throws IOException {
        try {
            return super.available();
        } catch (DamagedBlock e) {
            throw e.damage;
        }
    }

    @Override
    public void seek(long position) throws IOException {
        try {
            super.seek(position);
        } catch (DamagedBlock e) {
            throw e.damage;
        }
    }
}
