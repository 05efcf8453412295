package org.hapmatrix.io;

import com.intel.gkl.compression.IntelDeflaterFactory;
import com.intel.gkl.compression.IntelInflaterFactory;
import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.samtools.util.BlockCompressedStreamConstants;
import htsjdk.samtools.util.zip.DeflaterFactory;
import htsjdk.samtools.util.zip.InflaterFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Every BGZF stream hapmatrix reads or writes, made here with one inflater and one deflater
 * factory: Intel's GKL (ISA-L's igzip; what GATK and Picard give htsjdk) where its native library
 * loads (linux and macOS on x86-64), about 2.5x faster to inflate and 3x faster to deflate at
 * level 1 than Java's zlib (bench/RESULTS.md); Java's own otherwise, silently. Either writes
 * standard BGZF; their blocks differ in bytes, not in what they hold. {@value #SWITCH}{@code =off}
 * keeps Java's (to compare, or where unpacking a native library is unwelcome).
 */
public final class BgzfCompressors {
    static final String SWITCH = "HAPMATRIX_GKL";
    private static InflaterFactory inflaters;
    private static DeflaterFactory deflaters;

    private BgzfCompressors() {
    }

    /** A reader of the BGZF file {@code file}, every block checked ({@link CheckedBgzfInputStream}). */
    public static BlockCompressedInputStream reader(File file) throws IOException {
        return new CheckedBgzfInputStream(file, inflaters());
    }

    /**
     * A reader of the BGZF stream {@code in}, every block checked ({@link CheckedBgzfInputStream});
     * {@code buffered}: it may read ahead of the block it decodes.
     */
    public static BlockCompressedInputStream reader(InputStream in, boolean buffered) {
        return new CheckedBgzfInputStream(in, buffered, inflaters());
    }

    /** A writer of BGZF blocks to {@code out} at htsjdk's default level. */
    public static BlockCompressedOutputStream writer(OutputStream out) {
        return writer(out, BlockCompressedStreamConstants.DEFAULT_COMPRESSION_LEVEL);
    }

    /** A writer of BGZF blocks to {@code out} at zlib's {@code level}. */
    public static BlockCompressedOutputStream writer(OutputStream out, int level) {
        return new BlockCompressedOutputStream(out, (Path) null, level, deflaters());
    }

    /** Whether GKL's inflater is in use. */
    static synchronized boolean usingGkl() {
        return inflaters() instanceof IntelInflaterFactory;
    }

    private static synchronized InflaterFactory inflaters() {
        if (inflaters == null) {
            IntelInflaterFactory intel = enabled() ? loaded(folder -> new IntelInflaterFactory(folder)) : null;
            inflaters = intel != null && intel.usingIntelInflater() ? intel : new InflaterFactory();
        }
        return inflaters;
    }

    private static synchronized DeflaterFactory deflaters() {
        if (deflaters == null) {
            IntelDeflaterFactory intel = enabled() ? loaded(folder -> new IntelDeflaterFactory(folder)) : null;
            deflaters = intel != null && intel.usingIntelDeflater() ? intel : new DeflaterFactory();
        }
        return deflaters;
    }

    private static boolean enabled() {
        return !"off".equals(System.getenv(SWITCH));
    }

    /** A GKL factory whose library is unpacked into this process's native library folder; null if it cannot be. */
    private static <T> T loaded(java.util.function.Function<File, T> factory) {
        try {
            return factory.apply(NativeLibraryFolder.get().toFile());
        } catch (IOException | RuntimeException | LinkageError e) {
            return null; // Java's zlib then: slower, never wrong
        }
    }
}
