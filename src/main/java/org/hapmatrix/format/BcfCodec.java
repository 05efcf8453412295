package org.hapmatrix.format;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hapmatrix.io.FileExtensions;
import org.hapmatrix.matrix.OpenedInput;
import org.hapmatrix.matrix.SamplePair;

/**
 * BCF 2.2 ({@code --format bcf}, and output names ending in {@code .bcf}): the VCF's records in
 * htslib's binary encoding, BGZF-compressed whatever the name (as {@code bcftools view -Ob}),
 * with a {@code .csi} beside a file. The header is the VCF's text with FILTER PASS declared
 * first, so the dictionary is PASS, AC, AN, GT as htslib numbers it. The records are encoded by
 * {@link BcfSiteFormatter} in the export's parallel parts, like every other format's lines.
 *
 * <p>As an input it is recognised by its magic {@code BCF\2}: BGZF as {@code bcftools view -Ob}
 * writes it or uncompressed as {@code -Ou} does, from a file or standard input. Its records are
 * decoded by {@link BcfSiteReader} and become haplotypes by the same model and rules as VCF text
 * ({@link VcfSamples}, {@link HaplotypeCalls}).
 */
public final class BcfCodec extends OutputCodec implements InputCodec {
    public static final BcfCodec INSTANCE = new BcfCodec();
    private static final byte[] MAGIC = {'B', 'C', 'F', 2, 2};
    /** "BCF" then major version 2 (the minor version, 1 or 2, follows): what an input must start with. */
    private static final byte[] INPUT_MAGIC = {'B', 'C', 'F', 2};
    static final String PASS_LINE = "##FILTER=<ID=PASS,Description=\"All filters passed\">\n";

    private BcfCodec() {
        super("bcf", "BCF", List.of(FileExtensions.BCF), MissingAlleles.dot);
    }

    /** {@code BCF\2\2}, the header text's length (NUL included), the text and a NUL. */
    @Override
    public byte[] header(HeaderFields fields) {
        String vcfHeader = new String(VcfCodec.INSTANCE.header(fields), StandardCharsets.UTF_8);
        int afterFirstLine = vcfHeader.indexOf('\n') + 1;
        byte[] text = (vcfHeader.substring(0, afterFirstLine) + PASS_LINE + vcfHeader.substring(afterFirstLine))
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream header = new ByteArrayOutputStream(text.length + 10);
        header.writeBytes(MAGIC);
        int length = text.length + 1;
        for (int i = 0; i < 4; i++) {
            header.write(length >>> (8 * i));
        }
        header.writeBytes(text);
        header.write(0);
        return header.toByteArray();
    }

    @Override
    public SiteFormatter formatter(SiteFormatter.Context context, OutputStream out, BgzfPart index) {
        return new BcfSiteFormatter(context, out, index);
    }

    @Override
    public void check(List<SamplePair> pairs, List<String> contigs, String source) {
        VcfCodec.INSTANCE.check(pairs, contigs, source);
    }

    @Override
    public boolean alwaysBgzf() {
        return true;
    }

    @Override
    public IndexKind defaultIndex() {
        return IndexKind.csi;
    }

    @Override
    public List<IndexKind> indexKinds() {
        return List.of(IndexKind.csi);
    }

    @Override
    public TabixIndexWriter.Columns indexColumns() {
        return null;
    }

    @Override
    public TabixIndexWriter indexWriter(List<String> contigs) {
        return new TabixIndexWriter(contigs);
    }

    @Override
    public boolean takesGaps() {
        return true;
    }

    @Override
    public boolean headerListsContigs() {
        return true;
    }

    /** A binary header: {@code concat} reads text parts only. */
    @Override
    public boolean recognisesHeader(String firstLine) {
        return false;
    }

    @Override
    public boolean recognises(byte[] head, int length) {
        return length >= INPUT_MAGIC.length && java.util.Arrays.equals(head, 0, INPUT_MAGIC.length, INPUT_MAGIC, 0, INPUT_MAGIC.length);
    }

    @Override
    public OpenedInput open(Request request) {
        VcfCodec.rejectHeaderFile(request, "BCF");
        return new OpenedVcf(request.path(), (input, kept) -> new BcfSiteReader(input, request.vcf(), kept),
                request.contigs(), request.filterWithoutIndex(), false);
    }
}
