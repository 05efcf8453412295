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
        return binaryHeader(text);
    }

    /** The BCF header around a VCF header's text. */
    private static byte[] binaryHeader(byte[] text) {
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
    public TabixIndexWriter indexWriter() {
        return TabixIndexWriter.numberedByHeader();
    }

    @Override
    public boolean takesGaps() {
        return true;
    }

    @Override
    public boolean headerListsContigs() {
        return true;
    }

    /** A binary header, which no first line of text starts: concat recognises a BCF part by {@link #isMagic}. */
    @Override
    public boolean recognisesHeader(String firstLine) {
        return false;
    }

    /** Whether the first four (decompressed) bytes of a file are a BCF's. */
    public static boolean isMagic(byte[] head) {
        return head.length >= INPUT_MAGIC.length && java.util.Arrays.equals(head, 0, INPUT_MAGIC.length, INPUT_MAGIC, 0, INPUT_MAGIC.length);
    }

    /**
     * The header text's lines (line ends included) of a BCF whose first four bytes ({@link #isMagic})
     * were read from {@code in}: its minor version, the text's length and the text; {@code in} is
     * left at the first record.
     */
    public static List<String> headerLines(String part, java.io.InputStream in) throws java.io.IOException {
        byte[] fixed = in.readNBytes(5);
        if (fixed.length < 5) {
            throw new java.io.EOFException("a BCF header cut short");
        }
        long length = (fixed[1] & 0xFFL) | (fixed[2] & 0xFFL) << 8 | (fixed[3] & 0xFFL) << 16 | (fixed[4] & 0xFFL) << 24;
        if (length > Integer.MAX_VALUE - 16) {
            throw new org.hapmatrix.HapmatrixException(part + ": not a hapmatrix output (a BCF header of " + length + " bytes)");
        }
        byte[] text = in.readNBytes((int) length);
        if (text.length < length) {
            throw new java.io.EOFException("a BCF header cut short");
        }
        int end = text.length;
        while (end > 0 && text[end - 1] == 0) {
            end--;
        }
        List<String> lines = new java.util.ArrayList<>();
        String all = new String(text, 0, end, StandardCharsets.UTF_8);
        for (int from = 0; from < all.length(); ) {
            int newline = all.indexOf('\n', from);
            int next = newline < 0 ? all.length() : newline + 1;
            lines.add(all.substring(from, next));
            from = next;
        }
        return lines;
    }

    @Override
    public String notOurs(List<String> lines) {
        return VcfCodec.INSTANCE.notOurs(lines);
    }

    @Override
    public List<String> comparedHeaderLines(List<String> lines) {
        return VcfCodec.INSTANCE.comparedHeaderLines(lines);
    }

    /** The VCF's gathered header text (the contig lines of all parts) as a BCF header. */
    @Override
    public byte[] gatheredHeader(List<String> first, List<List<String>> parts) {
        return binaryHeader(VcfCodec.INSTANCE.gatheredHeader(first, parts));
    }

    /** The contig names of a VCF or BCF header's {@code ##contig=<ID=...>} lines, in order: a BCF record's contig ids index them. */
    public static List<String> headerContigs(List<String> lines) {
        List<String> contigs = new java.util.ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("##contig=<ID=")) {
                int from = "##contig=<ID=".length();
                int end = from;
                while (end < line.length() && line.charAt(end) != ',' && line.charAt(end) != '>') {
                    end++;
                }
                contigs.add(line.substring(from, end));
            }
        }
        return contigs;
    }

    @Override
    public boolean recognises(byte[] head, int length) {
        return length >= INPUT_MAGIC.length && java.util.Arrays.equals(head, 0, INPUT_MAGIC.length, INPUT_MAGIC, 0, INPUT_MAGIC.length);
    }

    @Override
    public OpenedInput open(Request request) {
        VcfCodec.rejectHeaderFile(request, "BCF");
        return new OpenedVcf(request.path(), (input, kept) -> new BcfSiteReader(input, request.vcf(), kept),
                request.contigs(), request.filterWithoutIndex(), true);
    }
}
