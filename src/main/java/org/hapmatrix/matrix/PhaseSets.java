package org.hapmatrix.matrix;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The phase sets a VCF/BCF reader found (sample, site, value of the phase-set tag of a phased
 * call), spilled to a scratch file while the sites stream into the database, so memory stays
 * flat, and loaded into the {@code phase_sets} table afterwards. Sites are the matrix table's
 * rowids (0-based, in input order). Only an input whose header declares the tag has one, so a
 * genome matrix pays nothing.
 */
public final class PhaseSets implements AutoCloseable {
    /** One phase set: the site (matrix rowid), the VCF sample's index, the value. */
    public interface Consumer {
        void accept(long site, int sample, long phaseSet);
    }

    private final List<String> samples;
    private final Path file;
    private DataOutputStream out;
    private long count;

    public PhaseSets(List<String> samples) {
        this.samples = List.copyOf(samples);
        try {
            this.file = Files.createTempFile("hapmatrix-phase-sets", ".bin");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the phase-set scratch file", e);
        }
    }

    /** The VCF sample names, by index. */
    public List<String> samples() {
        return samples;
    }

    public void add(long site, int sample, long phaseSet) {
        try {
            out.writeLong(site);
            out.writeInt(sample);
            out.writeLong(phaseSet);
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the phase-set scratch file " + file, e);
        }
    }

    public long count() {
        return count;
    }

    /** Hands every phase set to {@code consumer}, in the order added. */
    public void forEach(Consumer consumer) {
        try {
            out.flush();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                for (long i = 0; i < count; i++) {
                    consumer.accept(in.readLong(), in.readInt(), in.readLong());
                }
            }
        } catch (EOFException e) {
            throw new IllegalStateException("phase-set scratch file " + file + " is short", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the phase-set scratch file " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A scratch file left in the temp folder loses nothing.
        }
    }
}
