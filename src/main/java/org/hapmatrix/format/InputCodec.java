package org.hapmatrix.format;

import java.nio.file.Path;
import java.util.List;
import org.hapmatrix.matrix.OpenedInput;

/**
 * An input format: how it is recognised from its first bytes (after decompression, so also on
 * standard input) and how it is opened into site batches ({@link OpenedInput}).
 */
public interface InputCodec extends Codec {
    /**
     * What to open: a path ({@code -} for standard input), a header file or null, the contigs to
     * read (all if empty), and how VCF/BCF calls become haplotypes (ignored by the matrix).
     */
    record Request(String path, Path headerFile, List<String> contigs, boolean filterWithoutIndex,
                   VcfReadOptions vcf) {
        public Request {
            contigs = List.copyOf(contigs);
        }

        public Request(String path, Path headerFile, List<String> contigs, boolean filterWithoutIndex) {
            this(path, headerFile, contigs, filterWithoutIndex, VcfReadOptions.DEFAULT);
        }
    }

    /** Whether an input starting with {@code head[0..length)} (decompressed) is in this format. */
    boolean recognises(byte[] head, int length);

    /** Opens the input and reads its header, so a bad header fails before anything is loaded. */
    OpenedInput open(Request request);
}
