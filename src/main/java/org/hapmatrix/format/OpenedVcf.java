package org.hapmatrix.format;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.MatrixHeader;
import org.hapmatrix.matrix.OpenedInput;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SamplePairs;
import org.hapmatrix.matrix.SiteBatchReader;

/**
 * A VCF or BCF input opened for loading, its header already read. As {@link OpenedMatrix}: the
 * first {@link #open()} hands out that reader, a regular file may be read again, a stream not.
 * Samples are named by their VCF names ({@code --samples NA12878}) or by their haplotype
 * columns ({@code NA12878_1}).
 */
final class OpenedVcf implements OpenedInput {
    /** A reader of the format: the reader itself and its samples. */
    interface Reader extends SiteBatchReader {
        VcfSamples samples();

        /** Whether the header declares the phase-set tag, so phase sets are kept. */
        boolean phaseSetsDeclared();

        /** The summary's note on calls the rules changed. */
        String note();
    }

    private final String path;
    private final BiFunction<MatrixInput, Set<String>, Reader> readerOf;
    private final List<String> contigs;
    private final boolean filterWithoutIndex;
    /** Whether the input is BCF (its index names contigs by their number in the header), else VCF text. */
    private final boolean bcf;
    private final VcfSamples samples;
    private final String name;
    private final long sizeBytes;
    private final boolean reopenable;
    private final boolean phaseSets;
    private Reader first;
    private Reader last;

    OpenedVcf(String path, BiFunction<MatrixInput, Set<String>, Reader> readerOf, List<String> contigs, boolean filterWithoutIndex,
              boolean bcf) {
        this.path = path;
        this.bcf = bcf;
        this.readerOf = readerOf;
        this.contigs = List.copyOf(contigs);
        this.filterWithoutIndex = filterWithoutIndex;
        this.first = read();
        this.samples = first.samples();
        this.name = first.sourceName();
        this.sizeBytes = first.bytesTotal();
        this.reopenable = first.sourceRereadable();
        this.phaseSets = first.phaseSetsDeclared();
    }

    @Override
    public boolean hasPhaseSets() {
        return phaseSets;
    }

    /** The contigs a reader keeps: those asked for when it must filter ({@code load}), else all. */
    Set<String> keptContigs() {
        return filterWithoutIndex ? Set.copyOf(contigs) : Set.of();
    }

    /**
     * With {@code --contigs}, a BGZF VCF with a .tbi/.csi, or a BCF with a .csi, is read only where its index puts those
     * contigs (an unknown one is an error); anything else is read whole, its other contigs dropped
     * by the reader ({@code load}) or at export ({@code convert}).
     */
    private MatrixInput input() {
        if (contigs.isEmpty()) {
            return MatrixInput.open(path);
        }
        List<String> headerContigs = bcf ? BcfSiteReader.headerContigsOf(path) : List.of();
        java.util.Optional<VcfIndex> index = VcfIndex.find(path, () -> headerContigs);
        if (index.isEmpty()) {
            return MatrixInput.open(path);
        }
        List<MatrixInput.ContigBlock> blocks = new java.util.ArrayList<>();
        for (String contig : contigs) {
            VcfIndex.Span span = index.get().span(contig);
            if (span == null) {
                throw HapmatrixException.usage(path + ": unknown contig '" + contig + "' (not in " + index.get().file() + ")");
            }
            blocks.add(new MatrixInput.ContigBlock(contig, span.start(), span.end()));
        }
        if (!bcf) {
            return MatrixInput.ofIndexedVcf(path, index.get().file(), blocks);
        }
        java.util.Map<String, Integer> contigIds = new java.util.HashMap<>();
        for (int id = 0; id < headerContigs.size(); id++) {
            if (headerContigs.get(id) != null) {
                contigIds.put(headerContigs.get(id), id);
            }
        }
        return MatrixInput.ofIndexedBcf(path, index.get().file(), blocks, contigIds);
    }

    private Reader read() {
        MatrixInput input = input();
        try {
            last = readerOf.apply(input, keptContigs());
            return last;
        } catch (RuntimeException e) {
            input.close();
            throw e;
        }
    }

    @Override
    public MatrixHeader header() {
        return samples.header();
    }

    /** Names to keep: haplotype columns, or pair names (the VCF's sample names, or explicit pairs' names). */
    @Override
    public void validateSamples(List<String> wanted, List<SamplePair> explicitPairs) {
        List<SamplePair> pairs = explicitPairs.isEmpty() ? samples.pairs()
                : SamplePairs.resolveNamed(explicitPairs, header().samples(), name);
        SamplePairs.keptBySamples(pairs, wanted, header().samples(), name);
    }

    @Override
    public void validatePairs(List<SamplePair> pairs) {
        if (!pairs.isEmpty()) {
            SamplePairs.validate(pairs, header().samples(), name);
        }
    }

    @Override
    public SiteBatchReader open() {
        if (first != null) {
            Reader reader = first;
            first = null;
            return reader;
        }
        if (!reopenable) {
            throw new IllegalStateException(name + " is a stream and cannot be read twice");
        }
        return read();
    }

    @Override
    public String note() {
        return last == null ? "" : last.note();
    }

    @Override
    public boolean reopenable() {
        return reopenable;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public String headerSource() {
        return "#CHROM line of " + name;
    }

    @Override
    public void close() {
        if (first != null) {
            first.close();
        }
    }
}
