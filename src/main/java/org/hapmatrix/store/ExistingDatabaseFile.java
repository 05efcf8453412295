package org.hapmatrix.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.hapmatrix.HapmatrixException;

/**
 * Looks at a path named by {@code --db} before DuckDB opens it, without writing to it: it must be
 * a regular file (never a device or a pipe, which DuckDB would happily write to) whose first bytes
 * are DuckDB's file header.
 */
final class ExistingDatabaseFile {
    /** DuckDB's main header: an 8-byte checksum, then the magic bytes "DUCK". */
    private static final byte[] MAGIC = "DUCK".getBytes(StandardCharsets.US_ASCII);
    private static final int MAGIC_OFFSET = 8;

    private ExistingDatabaseFile() {
    }

    /** Refuses anything but an existing regular file that starts as a DuckDB file does. */
    static void requireDuckDbFile(Path file) {
        if (!Files.exists(file)) {
            throw HapmatrixException.usage(file + ": no such database");
        }
        if (Files.isDirectory(file)) {
            throw HapmatrixException.usage(file + ": is a directory, not a database");
        }
        if (!Files.isRegularFile(file)) {
            throw HapmatrixException.usage(file + ": not a regular file, not a database");
        }
        byte[] head = new byte[MAGIC_OFFSET + MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (AccessDeniedException e) {
            throw HapmatrixException.usage(file + ": permission denied");
        } catch (IOException e) {
            throw new HapmatrixException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (read < head.length || !Arrays.equals(head, MAGIC_OFFSET, head.length, MAGIC, 0, MAGIC.length)) {
            throw new HapmatrixException(file + ": not a hapmatrix database (not a DuckDB file)");
        }
    }

    /**
     * Fails if another process has the database open, as DuckDB's own lock would, but without
     * DuckDB: an exclusive advisory lock (the kind DuckDB takes), tried and released at once.
     * Opening for writing writes nothing; without write permission, a shared lock still finds a writer.
     */
    static void requireNotInUse(Path file) {
        boolean writable = Files.isWritable(file);
        try (FileChannel channel = writable
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ);
             FileLock lock = channel.tryLock(0, Long.MAX_VALUE, !writable)) {
            if (lock == null) {
                throw new HapmatrixException(file + ": database is in use by another process");
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new HapmatrixException(file + ": database is in use by another process");
        } catch (IOException e) {
            throw new HapmatrixException(file + ": cannot check the database: " + e.getMessage(), e);
        }
    }
}
