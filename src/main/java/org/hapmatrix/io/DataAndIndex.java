package org.hapmatrix.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hapmatrix.HapmatrixException;

/**
 * Puts an output and its index in place so that no reader ever finds the new data beside an
 * index of the old: two renames cannot be one, so the old indexes go first.
 *
 * <ol>
 * <li>Every index beside the output ({@code OUT.tbi}, {@code OUT.csi}) is renamed to a hidden
 *     scratch name: a reader sees the old data without an index.</li>
 * <li>The new data is renamed into place: the new data without an index. Had that failed, the
 *     old indexes are renamed back.</li>
 * <li>The new index is renamed into place (not older than the data, as htslib wants): the pair
 *     is complete; the old indexes are deleted.</li>
 * </ol>
 *
 * A run killed between the steps leaves the data without an index (htslib then says it has none),
 * and its hidden files for the next run to remove ({@link ScratchNames}). Two runs writing the
 * same output at once: whichever renames its data last wins, and a run that finds, after its
 * index is in place, that the data beside it is no longer its own removes that index again, so
 * the pair left matches (or has no index; for that instant a reader may see the mismatch).
 */
public final class DataAndIndex {
    private DataAndIndex() {
    }

    /**
     * Commits {@code data} and then {@code index} (null: the output gets none) by the steps above;
     * {@code indexesBeside} names every index file the output may have beside it.
     */
    public static void commit(OutputTarget data, OutputTarget index, List<Path> indexesBeside) {
        commit(data, index, indexesBeside, () -> { });
    }

    /** As above, running {@code afterData} between the data's rename and the index's (tests: another writer). */
    static void commit(OutputTarget data, OutputTarget index, List<Path> indexesBeside, Runnable afterData) {
        Path target = data.target();
        if (target == null || data.temporaryFile() == null) {
            data.commit(); // standard output, a device or a pipe: nothing beside it to keep in step
            if (index != null) {
                index.commit();
            }
            return;
        }
        Object dataKey = fileKey(data.temporaryFile());
        Object indexKey = index == null || index.temporaryFile() == null ? null : fileKey(index.temporaryFile());
        List<Path[]> setAside = setAside(target, indexesBeside);
        try {
            data.commit();
        } catch (RuntimeException e) {
            putBack(setAside);
            throw e;
        }
        for (Path[] old : setAside) {
            TemporaryFiles.delete(old[1]);
        }
        afterData.run();
        if (index == null) {
            return;
        }
        index.commit();
        if (index.temporaryFile() != null) {
            notOlderThan(index.target(), target);
        }
        if (dataKey != null && indexKey != null && !Objects.equals(dataKey, fileKey(target))
                && Objects.equals(indexKey, fileKey(index.target()))) {
            // Another run replaced the data after this one: this index is not its index.
            try {
                Files.deleteIfExists(index.target());
            } catch (IOException e) {
                throw new HapmatrixException(index.name() + ": another run replaced " + data.name()
                        + " meanwhile, and this run's index beside it cannot be removed: " + e.getMessage(), e);
            }
        }
    }

    /** Renames the indexes beside {@code target} to hidden scratch names; returns {original, hidden} pairs. */
    private static List<Path[]> setAside(Path target, List<Path> indexesBeside) {
        List<Path[]> setAside = new ArrayList<>();
        for (Path old : indexesBeside) {
            if (!Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) {
                continue; // a link or a device is the user's, not an index this tool wrote
            }
            Path hidden = old.resolveSibling(ScratchNames.unique("." + old.getFileName(), ".part"));
            TemporaryFiles.register(hidden); // before it exists, so Ctrl-C cannot come between
            try {
                Files.move(old, hidden, StandardCopyOption.ATOMIC_MOVE);
                setAside.add(new Path[] {old, hidden});
            } catch (IOException e) {
                TemporaryFiles.release(hidden);
                putBack(setAside);
                throw new HapmatrixException(old + ": cannot move the index of the file being replaced (" + target
                        + ") out of the way: " + e.getMessage() + "; nothing was replaced", e);
            }
        }
        return setAside;
    }

    /** Best effort: the old indexes back beside the old data, after the new data could not be put in place. */
    private static void putBack(List<Path[]> setAside) {
        for (Path[] old : setAside) {
            try {
                Files.move(old[1], old[0], StandardCopyOption.ATOMIC_MOVE);
                TemporaryFiles.release(old[1]);
            } catch (IOException e) {
                TemporaryFiles.delete(old[1]);
            }
        }
    }

    /** htslib warns about an index older than its data; the data's close may come after the index was written. */
    private static void notOlderThan(Path index, Path data) {
        try {
            FileTime dataTime = Files.getLastModifiedTime(data);
            if (Files.getLastModifiedTime(index).compareTo(dataTime) < 0) {
                Files.setLastModifiedTime(index, dataTime);
            }
        } catch (IOException e) {
            throw new HapmatrixException(index + ": cannot set its time: " + e.getMessage(), e);
        }
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
