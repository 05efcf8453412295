package org.hapmatrix.format;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hapmatrix.matrix.SamplePair;

/**
 * An output format: everything about it in one place. Its header (as written, and as
 * {@code concat} recognises and compares it), its formatter, the checks it makes before an output
 * file is created, and how it is written under a compressed name.
 */
public abstract class OutputCodec implements Codec {
    /**
     * What a header is made of: the pairs written, the contigs written (in order), the command line
     * and the output options that shape the records ({@code missing=...;alt_samples=...}; a header
     * that can say so records them, so that concat can refuse parts made with others), and whether
     * the database holds a VCF/BCF input's phase sets (a VCF declares PS then).
     */
    public record HeaderFields(List<SamplePair> pairs, List<String> contigs, String commandLine, String options,
                               boolean phaseSets) {
        public HeaderFields {
            pairs = List.copyOf(pairs);
            contigs = List.copyOf(contigs);
        }

        public HeaderFields(List<SamplePair> pairs, List<String> contigs, String commandLine) {
            this(pairs, contigs, commandLine, "", false);
        }

        public HeaderFields(List<SamplePair> pairs, List<String> contigs, String commandLine, String options) {
            this(pairs, contigs, commandLine, options, false);
        }
    }

    private final String name;
    private final String description;
    private final List<String> extensions;
    private final MissingAlleles defaultMissing;

    OutputCodec(String name, String description, List<String> extensions, MissingAlleles defaultMissing) {
        this.name = name;
        this.description = description;
        this.extensions = List.copyOf(extensions);
        this.defaultMissing = defaultMissing;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<String> extensions() {
        return extensions;
    }

    /** How N and - are written unless {@code --missing} says otherwise. */
    public final MissingAlleles defaultMissing() {
        return defaultMissing;
    }

    public abstract byte[] header(HeaderFields fields);

    /** @param index for an indexed output, the BGZF part whose records go into the index; else null */
    public abstract SiteFormatter formatter(SiteFormatter.Context context, OutputStream out, BgzfPart index);

    /** Refuses, before any output exists, a request this format cannot write. */
    public void check(List<SamplePair> pairs, List<String> contigs, String source) {
    }

    /** Whether a compressed name ({@code .gz}) gets an index beside it unless {@code --index none}. */
    public boolean indexedWhenCompressed() {
        return defaultIndex() != IndexKind.none;
    }

    /** The index a compressed output gets unless {@code --index} says otherwise. */
    public IndexKind defaultIndex() {
        return IndexKind.none;
    }

    /** The indexes htslib can use beside this format. */
    public List<IndexKind> indexKinds() {
        return List.of(IndexKind.tbi, IndexKind.csi);
    }

    /** What a tabix index of this format says about its columns; null for a binary format. */
    public TabixIndexWriter.Columns indexColumns() {
        return TabixIndexWriter.Columns.TABLE;
    }

    /** Whether the output is BGZF whatever its name (BCF), so the export compresses it. */
    public boolean alwaysBgzf() {
        return false;
    }

    /**
     * The index writer for this format's output. A BCF's index numbers contigs as its header
     * does: the contigs are declared to it ({@link TabixIndexWriter#declareContigs}).
     */
    public TabixIndexWriter indexWriter() {
        return new TabixIndexWriter(indexColumns());
    }

    /** Whether {@code firstLine} (without its line end) starts a header this format writes. */
    public abstract boolean recognisesHeader(String firstLine);

    /** Whether {@code --gaps} applies: the format writes a gap otherwise than as {@code -} (VCF's {@code *}). */
    public boolean takesGaps() {
        return false;
    }

    /** Whether the header names every contig written, so it can be written only once all are known. */
    public boolean headerListsContigs() {
        return false;
    }

    /** Whether the header goes on after {@code line} (one line, unless the format has more). */
    public boolean headerContinuesAfter(String line) {
        return false;
    }

    /**
     * Why a header that {@link #recognisesHeader} accepted is not one hapmatrix wrote, or null.
     *
     * @param lines the header's lines, line ends included
     */
    public String notOurs(List<String> lines) {
        return null;
    }

    /** The header lines two parts of one scatter must have equal (line ends included). */
    public List<String> comparedHeaderLines(List<String> lines) {
        return lines;
    }

    /** The gathered file's header from the first part's header lines and every part's. */
    public byte[] gatheredHeader(List<String> first, List<List<String>> parts) {
        return String.join("", first).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name;
    }
}
