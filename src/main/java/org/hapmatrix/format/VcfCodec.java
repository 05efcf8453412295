package org.hapmatrix.format;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.FileExtensions;
import org.hapmatrix.matrix.OpenedInput;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.Utf8;

/**
 * VCF 4.2, one sample per pair ({@code --format vcf}, and output names ending in {@code .vcf},
 * {@code .vcf.gz} or {@code .vcf.bgz}); a compressed name is BGZF with a tabix index beside it.
 * Its header is the meta lines and the {@code #CHROM} line; two parts of one scatter have the same
 * header when these are equal but for the {@code ##contig} lines (each part lists its own) and the
 * {@code ##hapmatrix_command} line (each part's command differs by its contig list).
 *
 * <p>As an input (recognised by its first line, {@code ##fileformat=VCF}, plain, gzip or BGZF),
 * each sample becomes two haplotype columns and a default pair ({@link VcfSamples}), read by
 * {@link VcfSiteReader}.
 */
public final class VcfCodec extends OutputCodec implements InputCodec {
    public static final VcfCodec INSTANCE = new VcfCodec();
    static final String FIRST_LINE = "##fileformat=VCF";
    private static final String CONTIG_LINE = "##contig=";
    private static final String COMMAND_LINE = "##hapmatrix_command=";
    private static final String SOURCE_LINE = "##source=hapmatrix";
    private static final String COLUMNS_LINE = "#CHROM";

    private VcfCodec() {
        super("vcf", "VCF", extensionsOf(), MissingAlleles.dot);
    }

    private static List<String> extensionsOf() {
        List<String> extensions = new ArrayList<>(List.of(FileExtensions.VCF));
        extensions.addAll(FileExtensions.COMPRESSED_VCF);
        return extensions;
    }

    @Override
    public boolean recognises(byte[] head, int length) {
        byte[] first = FIRST_LINE.getBytes(StandardCharsets.US_ASCII);
        int from = Utf8.byteOrderMarkLength(head, 0, length);
        return length - from >= first.length && java.util.Arrays.equals(head, from, from + first.length, first, 0, first.length);
    }

    @Override
    public org.hapmatrix.matrix.OpenedInput open(Request request) {
        rejectHeaderFile(request, "VCF");
        return new OpenedVcf(request.path(), (input, kept) -> new VcfSiteReader(input, request.vcf(), kept),
                request.contigs(), request.filterWithoutIndex(), false);
    }

    /** A VCF or BCF names its samples in its own header: {@code --header} is for the matrix only. */
    static void rejectHeaderFile(Request request, String format) {
        if (request.headerFile() != null) {
            throw org.hapmatrix.HapmatrixException.usage(OpenedMatrix.displayName(request.path()) + ": is " + format
                    + ", whose #CHROM line names the samples; --header is for a genome matrix only");
        }
    }

    @Override
    public byte[] header(HeaderFields fields) {
        return VcfSiteFormatter.header(fields.pairs(), fields.contigs(), fields.commandLine(), fields.options(),
                fields.phaseSets());
    }

    @Override
    public SiteFormatter formatter(SiteFormatter.Context context, OutputStream out, BgzfPart index) {
        return new VcfSiteFormatter(context, out, index);
    }

    @Override
    public void check(List<SamplePair> pairs, List<String> contigs, String source) {
        VcfSiteFormatter.checkContigNames(source, contigs);
    }

    @Override
    public IndexKind defaultIndex() {
        return IndexKind.tbi;
    }

    @Override
    public TabixIndexWriter.Columns indexColumns() {
        return TabixIndexWriter.Columns.VCF;
    }

    @Override
    public boolean takesGaps() {
        return true;
    }

    @Override
    public boolean headerListsContigs() {
        return true;
    }

    @Override
    public boolean recognisesHeader(String firstLine) {
        return firstLine.startsWith(FIRST_LINE);
    }

    @Override
    public boolean headerContinuesAfter(String line) {
        return !line.startsWith(COLUMNS_LINE);
    }

    @Override
    public String notOurs(List<String> lines) {
        return lines.stream().anyMatch(l -> l.startsWith(SOURCE_LINE)) ? null : "a VCF without ##source=hapmatrix";
    }

    @Override
    public List<String> comparedHeaderLines(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith(CONTIG_LINE) && !l.startsWith(COMMAND_LINE)).toList();
    }

    /** The first part's header with the contig lines of all parts, in part order, at the place of its own. */
    @Override
    public byte[] gatheredHeader(List<String> first, List<List<String>> parts) {
        List<String> contigs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<String> part : parts) {
            part.stream().filter(l -> l.startsWith(CONTIG_LINE) && seen.add(l)).forEach(contigs::add);
        }
        StringBuilder header = new StringBuilder();
        boolean contigsWritten = false;
        for (String line : first) {
            if (line.startsWith(CONTIG_LINE) || (!contigsWritten && line.startsWith(COLUMNS_LINE))) {
                if (!contigsWritten) {
                    contigs.forEach(header::append);
                    contigsWritten = true;
                }
                if (line.startsWith(CONTIG_LINE)) {
                    continue;
                }
            }
            header.append(line);
        }
        return header.toString().getBytes(StandardCharsets.UTF_8);
    }
}
