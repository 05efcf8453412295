package org.hapmatrix.export;

import org.hapmatrix.HapmatrixException;
import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.GapAlleles;
import org.hapmatrix.format.IndexKind;
import org.hapmatrix.format.MissingAlleles;
import org.hapmatrix.format.OutputCodec;
import org.hapmatrix.format.TableCodec;
import org.hapmatrix.io.FileExtensions;

/**
 * How the output is laid out: its format, how a pair's N and - are written, whether the export
 * writes it as BGZF blocks itself (for an index beside it, or because the format is always BGZF,
 * as BCF), which index goes beside it, and the command line the header records.
 *
 * @param bgzfParts   the exporter compresses each part as BGZF (else an unindexed {@code .gz} is
 *                    BGZF-compressed by the output itself, see {@code OutputTarget})
 * @param index       the index written beside the output ({@link IndexKind#none}: none)
 * @param indexGiven  whether {@code --index} chose it (else a .tbi that cannot hold a position becomes a .csi)
 */
public record ExportLayout(OutputCodec format, MissingAlleles missing, boolean bgzfParts, IndexKind index,
                           boolean indexGiven, String commandLine, GapAlleles gaps) {
    /** The original program's table. */
    public static final ExportLayout TABLE = new ExportLayout(TableCodec.INSTANCE, MissingAlleles.ref, false, IndexKind.none, false, "",
            GapAlleles.star);

    /** As {@link #of(OutputCodec, MissingAlleles, IndexKind, String, String)} with the index by the format's default. */
    public static ExportLayout of(OutputCodec format, MissingAlleles missing, String output, String commandLine) {
        return of(format, missing, null, output, commandLine);
    }

    /**
     * The layout for an output name and the user's choices: the format from the name unless given
     * (see {@link Codecs#outputForName}; given, it must agree with a format the name claims), the
     * missing-allele rule the format's default unless given, the index the format's default for a
     * compressed name unless given.
     *
     * @param format  {@code --format}, or null
     * @param missing {@code --missing}, or null
     * @param index   {@code --index}, or null
     * @param output  the output name; null or - for stdout
     */
    public static ExportLayout of(OutputCodec format, MissingAlleles missing, IndexKind index, String output, String commandLine) {
        return of(format, missing, index, null, output, commandLine);
    }

    /**
     * With {@code --gaps} ({@code gaps}, or null: {@link GapAlleles#star}), which only VCF and BCF
     * take: given for another format, a usage error.
     */
    public static ExportLayout of(OutputCodec format, MissingAlleles missing, IndexKind index, GapAlleles gaps, String output,
                                  String commandLine) {
        OutputCodec byName = Codecs.outputClaiming(output).orElse(null);
        if (format != null && byName != null && byName != format) {
            throw HapmatrixException.usage(output + ": the name says " + byName.description() + " (" + byName.name()
                    + "), not --format " + format.name() + "; name the output to match, or leave --format out");
        }
        OutputCodec chosen = format != null ? format : Codecs.outputForName(output);
        boolean toFile = output != null && !"-".equals(output);
        boolean compressed = chosen.alwaysBgzf() || FileExtensions.isCompressedName(output);
        IndexKind defaultIndex = toFile && compressed ? chosen.defaultIndex() : IndexKind.none;
        IndexKind chosenIndex = index != null ? index : defaultIndex;
        if (chosenIndex != IndexKind.none) {
            if (!toFile) {
                throw HapmatrixException.usage("--index " + chosenIndex + ": standard output has no index beside it; name an output file (-o)");
            }
            if (!compressed) {
                throw HapmatrixException.usage(output + ": --index " + chosenIndex
                        + " needs a BGZF output; name it .gz (or .bgz), or leave --index out");
            }
            if (!chosen.indexKinds().contains(chosenIndex)) {
                throw HapmatrixException.usage(output + ": " + chosen.description() + " takes --index "
                        + chosen.indexKinds().stream().map(IndexKind::name).reduce((a, b) -> a + " or " + b).orElse("none")
                        + ", not " + chosenIndex);
            }
        }
        if (gaps != null && !chosen.takesGaps()) {
            throw HapmatrixException.usage("--gaps " + gaps + ": only VCF and BCF output write gaps otherwise; "
                    + chosen.description() + " writes them as -");
        }
        boolean bgzfParts = chosen.alwaysBgzf() || chosenIndex != IndexKind.none;
        return new ExportLayout(chosen, missing != null ? missing : chosen.defaultMissing(), bgzfParts, chosenIndex,
                index != null, commandLine, gaps != null ? gaps : GapAlleles.star);
    }

    /** Whether an index goes beside the output. */
    public boolean indexed() {
        return index != IndexKind.none;
    }
}
