package org.hapmatrix.export;

import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.FileExtensions;
import org.hapmatrix.format.MissingAlleles;
import org.hapmatrix.format.OutputCodec;
import org.hapmatrix.format.TableCodec;

/**
 * How the output is laid out: its format, how a pair's N and - are written, whether it is
 * BGZF-compressed with a tabix index beside it, and the command line the header records.
 */
public record ExportLayout(OutputCodec format, MissingAlleles missing, boolean indexedBgzf, String commandLine) {
    /** The original program's table. */
    public static final ExportLayout TABLE = new ExportLayout(TableCodec.INSTANCE, MissingAlleles.ref, false, "");

    /**
     * The layout for an output name and the user's choices: the format from the name unless given
     * (see {@link Codecs#outputForName}), the missing-allele rule the format's default unless
     * given; a format indexed when compressed, under a compressed name, is BGZF with an index.
     *
     * @param format  {@code --format}, or null
     * @param missing {@code --missing}, or null
     * @param output  the output name; null or - for stdout
     */
    public static ExportLayout of(OutputCodec format, MissingAlleles missing, String output, String commandLine) {
        OutputCodec chosen = format != null ? format : Codecs.outputForName(output);
        boolean indexed = chosen.indexedWhenCompressed() && FileExtensions.isCompressedName(output);
        return new ExportLayout(chosen, missing != null ? missing : chosen.defaultMissing(), indexed, commandLine);
    }

    /** The tabix index's name beside an indexed output. */
    public static String indexName(String output) {
        return FileExtensions.tabixIndexOf(output);
    }
}
