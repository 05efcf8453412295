package org.hapmatrix.gather;

import java.util.Optional;

/**
 * The layouts hapmatrix writes, as {@code concat} recognises them from a part's first line. Each
 * says how much of a part is header (kept once) and what "the same header" means for it.
 */
public enum PartLayout {
    /** The haplotype table: {@code contig pos ref alt <pair>_PI <pair>_PG_al ...}; one header line. */
    TSV("contig\tpos\tref\talt", "_PI", "_PG_al"),
    /** phase-Extender's table: {@code CHROM POS REF all-alleles <pair>:PI <pair>:PG_al ...}; one header line. */
    PHASE_EXTENDER("CHROM\tPOS\tREF\tall-alleles", ":PI", ":PG_al"),
    /**
     * VCF: meta lines ({@code ##...}) and the {@code #CHROM} line. Two parts have the same header
     * when these are equal but for the {@code ##contig} lines (each part lists its own contigs;
     * the gathered file lists them all, in part order) and the {@code ##hapmatrix_command} line
     * (each part's command differs by its contig list).
     */
    VCF(null, null, null);

    static final String VCF_FIRST_LINE = "##fileformat=VCF";

    private final String firstColumns;
    private final String phaseSuffix;
    private final String genotypeSuffix;

    PartLayout(String firstColumns, String phaseSuffix, String genotypeSuffix) {
        this.firstColumns = firstColumns;
        this.phaseSuffix = phaseSuffix;
        this.genotypeSuffix = genotypeSuffix;
    }

    /** The layout whose header starts with {@code firstLine} (without its line end), if any. */
    static Optional<PartLayout> recognise(String firstLine) {
        if (firstLine.startsWith(VCF_FIRST_LINE)) {
            return Optional.of(VCF);
        }
        for (PartLayout layout : values()) {
            if (layout != VCF && layout.isTableHeader(firstLine)) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    /** The four site columns, then pairs of columns {@code <pair><phase suffix>}, {@code <pair><genotype suffix>}. */
    private boolean isTableHeader(String line) {
        if (!line.equals(firstColumns) && !line.startsWith(firstColumns + "\t")) {
            return false;
        }
        String[] columns = line.split("\t", -1);
        if ((columns.length - 4) % 2 != 0) {
            return false;
        }
        for (int column = 4; column < columns.length; column += 2) {
            String phase = columns[column];
            String genotype = columns[column + 1];
            if (!phase.endsWith(phaseSuffix) || !genotype.endsWith(genotypeSuffix)
                    || !phase.substring(0, phase.length() - phaseSuffix.length())
                            .equals(genotype.substring(0, genotype.length() - genotypeSuffix.length()))) {
                return false;
            }
        }
        return true;
    }

    public String description() {
        return switch (this) {
            case TSV -> "haplotype table";
            case PHASE_EXTENDER -> "phase-Extender table";
            case VCF -> "VCF";
        };
    }
}
