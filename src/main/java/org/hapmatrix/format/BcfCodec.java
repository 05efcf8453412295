package org.hapmatrix.format;

import java.util.List;
import org.hapmatrix.matrix.OpenedInput;

/**
 * BCF (bcftools' binary VCF, {@code .bcf}), recognised by its magic {@code BCF\2}: BGZF as
 * {@code bcftools view -Ob} writes it or uncompressed as {@code -Ou} does, from a file or standard
 * input. Its records are decoded by htsjdk ({@link BcfSiteReader}) and become haplotypes by the
 * same model and rules as VCF text ({@link VcfSamples}, {@link HaplotypeCalls}).
 * An input only for now; a BCF output would join it here.
 */
public final class BcfCodec implements InputCodec {
    public static final BcfCodec INSTANCE = new BcfCodec();
    /** "BCF" then major version 2 (the minor version, 1 or 2, follows). */
    private static final byte[] MAGIC = {'B', 'C', 'F', 2};

    private BcfCodec() {
    }

    @Override
    public String name() {
        return "bcf";
    }

    @Override
    public String description() {
        return "BCF";
    }

    @Override
    public List<String> extensions() {
        return List.of(".bcf");
    }

    @Override
    public boolean recognises(byte[] head, int length) {
        return length >= MAGIC.length && java.util.Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    @Override
    public OpenedInput open(Request request) {
        VcfCodec.rejectHeaderFile(request, "BCF");
        return new OpenedVcf(request.path(), (input, kept) -> new BcfSiteReader(input, request.vcf(), kept),
                request.contigs(), request.filterWithoutIndex(), false);
    }
}
