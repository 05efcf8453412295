package org.hapmatrix.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hapmatrix.HapmatrixException;

/**
 * Where the table goes: standard output ({@code -} or no path), or a file written to a temporary
 * name beside it and renamed into place by {@link #commit()}, so a failed run leaves no partial
 * file and an existing file stays as it was. A name ending in {@code .gz} or {@code .bgz} is
 * BGZF-compressed: a gzip file that tabix can index and htslib can seek in.
 * Devices and pipes ({@code /dev/stdout}, {@code /dev/full}) are written directly.
 */
public final class OutputTarget implements AutoCloseable {
    public static final String STDOUT = "-";
    private static final int BUFFER_BYTES = 1 << 16;

    private final String name;
    private final Path target;
    private final Path temporary;
    private final OutputStream stream;
    /** The temporary file's channel when {@link #stream} writes straight to it (not compressing), else null. */
    private final FileChannel channel;
    private boolean committed;

    private OutputTarget(String name, Path target, Path temporary, OutputStream stream, FileChannel channel) {
        this.name = name;
        this.target = target;
        this.temporary = temporary;
        this.stream = stream;
        this.channel = channel;
    }

    public static OutputTarget open(String path) {
        return open(path, true);
    }

    /** @param gzipByName whether a name ending in .gz or .bgz is BGZF-compressed here (false: the bytes come compressed) */
    public static OutputTarget open(String path, boolean gzipByName) {
        if (path == null || STDOUT.equals(path)) {
            return new OutputTarget("<stdout>", null, null,
                    new BufferedOutputStream(StandardOutput.stream(), BUFFER_BYTES), null);
        }
        Path target = checkPath(path);
        Path directory = target.getParent();
        Path temporary = null;
        try {
            boolean special = Files.exists(target) && !Files.isRegularFile(target);
            temporary = special ? null : createPart(directory, target.getFileName().toString());
            // The part file is new and empty: no O_TRUNC, which makes ext4 flush the whole file on
            // close (its "replace via truncate" safeguard; bench/RESULTS.md).
            FileChannel channel = special ? null : FileChannel.open(temporary, StandardOpenOption.WRITE);
            OutputStream file = new BufferedOutputStream(special ? Files.newOutputStream(target)
                    : Channels.newOutputStream(channel), BUFFER_BYTES);
            boolean compressing = gzipByName && FileExtensions.isCompressedName(path);
            OutputStream stream = compressing ? BgzfCompressors.writer(file) : file;
            return new OutputTarget(path, target, temporary, stream, compressing ? null : channel);
        } catch (IOException e) {
            if (temporary != null) {
                TemporaryFiles.delete(temporary);
            }
            throw new HapmatrixException(path + ": cannot create output: " + describe(e), e);
        }
    }

    /**
     * Whether output to {@code path} goes to a file renamed into place at the end, so that an
     * output abandoned before {@link #commit()} leaves nothing (not stdout, a device or a pipe).
     */
    public static boolean discardable(String path) {
        if (path == null || STDOUT.equals(path)) {
            return false;
        }
        Path target = Path.of(path).toAbsolutePath();
        return !Files.exists(target) || Files.isRegularFile(target);
    }

    /** Output directories found present in this process, so that one removed later is told apart. */
    private static final java.util.Set<Path> CHECKED_DIRECTORIES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Checks that {@code path} (null or - for stdout) can be an output file; returns it absolute, or null. */
    public static Path checkPath(String path) {
        if (path == null || STDOUT.equals(path)) {
            return null;
        }
        Path target = Path.of(path).toAbsolutePath();
        Path directory = target.getParent();
        if (directory != null && CHECKED_DIRECTORIES.contains(directory) && !Files.isDirectory(directory)) {
            // It was there when the run started: an I/O failure during the run, not a usage error.
            throw new HapmatrixException(path + ": the output directory was removed during the run");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw HapmatrixException.usage(path + ": output directory does not exist");
        }
        CHECKED_DIRECTORIES.add(directory);
        if (Files.isDirectory(target)) {
            throw HapmatrixException.usage(path + ": is a directory");
        }
        return target;
    }

    /**
     * As {@link #checkPath}, and also that a file can be created beside the target (tried with an
     * empty scratch file, deleted at once), for a command that would otherwise learn it only at
     * the end of a long load. A device or pipe as target is written directly and not tried.
     */
    public static void checkWritable(String path) {
        Path target = checkPath(path);
        if (target == null || (Files.exists(target) && !Files.isRegularFile(target))) {
            return;
        }
        Path probe = null;
        try {
            probe = createPart(target.getParent(), target.getFileName().toString());
        } catch (IOException e) {
            throw HapmatrixException.usage(path + ": cannot write in the output directory: " + describe(e));
        } finally {
            if (probe != null) {
                TemporaryFiles.delete(probe);
            }
        }
    }

    /**
     * Refuses an output that is one of the run's inputs ({@code what} -> path; null paths and
     * standard input skipped), also through symbolic or hard links: writing it would destroy
     * the input. A usage error, checked before any work.
     */
    public static void requireNotAnInput(String output, Map<String, Path> inputs) {
        if (output == null || STDOUT.equals(output)) {
            return;
        }
        refuseIfAnInput(Path.of(output), output + ": output is the ", inputs);
    }

    /**
     * As {@link #requireNotAnInput}, for an output put in place with its index
     * ({@link DataAndIndex}), which replaces or removes the index files beside it
     * ({@code OUT.tbi}, {@code OUT.csi}), whatever the format: those may be no input either.
     */
    public static void requireNotAnInputWithIndexes(String output, Map<String, Path> inputs) {
        requireNotAnInput(output, inputs);
        if (output == null || STDOUT.equals(output)) {
            return;
        }
        for (String extension : FileExtensions.INDEXES) {
            refuseIfAnInput(Path.of(output + extension), output + ": output's index is the ", inputs);
        }
    }

    /**
     * Refuses an output, or an index beside it, that names {@code otherOutput}, a file the run
     * writes too (convert's {@code --db}): whichever is renamed into place last would replace
     * the other. Compared by name when either does not exist yet, as the run creates it.
     */
    public static void requireNotTheOtherOutput(String output, String what, Path otherOutput) {
        if (output == null || STDOUT.equals(output) || otherOutput == null) {
            return;
        }
        List<String> written = new ArrayList<>(List.of(output));
        FileExtensions.INDEXES.forEach(extension -> written.add(output + extension));
        for (String file : written) {
            if (sameFileOrName(Path.of(file), otherOutput)) {
                throw HapmatrixException.usage(output + ": " + (file.equals(output) ? "output" : "output's index")
                        + " is the " + what + " " + otherOutput + "; writing it would destroy an input");
            }
        }
    }

    private static void refuseIfAnInput(Path written, String messageStart, Map<String, Path> inputs) {
        if (!Files.exists(written)) {
            return; // a new file is no input
        }
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            Path path = input.getValue();
            if (path == null || STDOUT.equals(path.toString()) || !Files.exists(path)) {
                continue;
            }
            try {
                if (Files.isSameFile(written, path)) {
                    throw HapmatrixException.usage(messageStart + input.getKey() + " " + path
                            + "; writing it would destroy an input");
                }
            } catch (IOException e) {
                // Unreadable: the input's own error comes when it is read.
            }
        }
    }

    /** The same file (through links too) when both exist, else the same name in the same folder. */
    private static boolean sameFileOrName(Path first, Path second) {
        try {
            if (Files.exists(first) && Files.exists(second)) {
                return Files.isSameFile(first, second);
            }
        } catch (IOException e) {
            // Unreadable: compared by name below.
        }
        return resolvedName(first).equals(resolvedName(second));
    }

    /** {@code file} absolute, with its folder's links resolved (the file itself may not exist). */
    private static Path resolvedName(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        try {
            return folder == null ? absolute : folder.toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            return absolute; // a missing folder: the path's own error comes when it is written
        }
    }

    /**
     * An empty hidden file beside the target. Not Files.createTempFile: its owner-only permissions
     * would stay on the output after the rename, where the user's umask is expected.
     */
    private static Path createPart(Path directory, String name) throws IOException {
        ScratchNames.removeStale(directory);
        while (true) {
            Path part = directory.resolve(ScratchNames.unique("." + name, ".part"));
            TemporaryFiles.register(part); // before it exists, so Ctrl-C cannot come between
            try {
                return Files.createFile(part);
            } catch (FileAlreadyExistsException e) {
                TemporaryFiles.release(part); // someone else's file: keep it, try another name
            } catch (IOException e) {
                TemporaryFiles.release(part);
                throw e;
            }
        }
    }

    /**
     * The temporary file beside the target that {@link #commit()} renames into place, for a writer
     * that writes by path (DuckDB's COPY); null for standard output, a device or a pipe.
     */
    public Path temporaryFile() {
        return temporary;
    }

    /**
     * A new empty file beside the output, removed when the run ends unless the caller removes it
     * first: a part written before what precedes it in the output is known (a VCF's records
     * before its header), then {@link #append}ed. Beside the output, so the append stays on one
     * file system.
     */
    public Path createPartBeside() {
        Path directory = target != null ? target.getParent() : Path.of("").toAbsolutePath();
        try {
            return createPart(directory, (target != null ? target.getFileName().toString() : "stdout") + ".body");
        } catch (IOException e) {
            throw new HapmatrixException(name + ": cannot create output: " + describe(e), e);
        }
    }

    /**
     * Appends the bytes of {@code part} to the output: the kernel copies them from file to file
     * when the output is a file written as it is, else they go through the stream (standard
     * output, a device, or a name compressed here).
     */
    public void append(Path part) {
        try {
            if (channel == null) {
                Files.copy(part, stream);
                return;
            }
            stream.flush();
            try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
                long size = in.size();
                for (long done = 0; done < size; ) {
                    done += in.transferTo(done, size - done, channel);
                }
            }
        } catch (IOException e) {
            throw writeFailure(e);
        }
    }

    /** The file this output becomes: null for standard output. */
    Path target() {
        return target;
    }

    /** The name used in messages. */
    public String name() {
        return name;
    }

    public OutputStream stream() {
        return stream;
    }

    /** Finishes the output: flushes and, for a file, renames it into place. */
    public void commit() {
        try {
            if (target == null) {
                stream.flush();
            } else {
                stream.close();
                if (temporary != null) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    TemporaryFiles.release(temporary);
                }
            }
            committed = true;
        } catch (IOException e) {
            throw writeFailure(e);
        }
    }

    /**
     * The error for a failed write, naming the output; for a pipe written directly
     * ({@code -o /dev/stdout}, a FIFO) whose reader went away, the quiet end that
     * {@code -o -} has ({@link StandardOutput.Closed}, exit 141).
     */
    public HapmatrixException writeFailure(IOException e) {
        if (temporary == null && StandardOutput.closedByReader(e)) {
            return new StandardOutput.Closed();
        }
        return new HapmatrixException(name + ": write failed: " + describe(e), e);
    }

    /**
     * What went wrong, as the system says it. A FileSystemException's message is its file's name
     * (here a scratch name the user never chose), then the reason when Java has one; an
     * AccessDeniedException or NoSuchFileException has none, so their kind says it.
     */
    static String describe(IOException e) {
        if (e instanceof FileSystemException failure) {
            if (failure.getReason() != null) {
                return failure.getReason();
            }
            if (failure instanceof AccessDeniedException) {
                return "Permission denied";
            }
            if (failure instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            // The system's words (strerror) for the other kinds Java names only by class.
            if (failure instanceof java.nio.file.NotDirectoryException) {
                return "Not a directory";
            }
            if (failure instanceof java.nio.file.FileAlreadyExistsException) {
                return "File exists";
            }
            if (failure instanceof java.nio.file.DirectoryNotEmptyException) {
                return "Directory not empty";
            }
            return failure.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Without a commit, discards the temporary file. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            if (target == null) {
                stream.flush(); // standard output stays open for the rest of the process
                return;
            }
            stream.close();
        } catch (IOException | RuntimeException ignored) {
            // The run already failed; the partial output is deleted below.
        }
        if (temporary != null) {
            TemporaryFiles.delete(temporary);
        }
    }
}
