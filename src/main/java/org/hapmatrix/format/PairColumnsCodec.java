package org.hapmatrix.format;

import java.util.List;
import org.hapmatrix.matrix.SamplePair;

/**
 * The layouts with four site columns and then a column pair per sample pair,
 * {@code <pair><sep>PI <pair><sep>PG_al}: the haplotype table and phase-Extender's file.
 */
abstract class PairColumnsCodec extends OutputCodec {
    private final String siteColumns;
    private final String pairSeparator;

    PairColumnsCodec(String name, String description, List<String> extensions, MissingAlleles defaultMissing,
                     String siteColumns, String pairSeparator) {
        super(name, description, extensions, defaultMissing);
        this.siteColumns = siteColumns;
        this.pairSeparator = pairSeparator;
    }

    @Override
    public byte[] header(HeaderFields fields) {
        return PairColumnsSiteFormatter.header(siteColumns, pairSeparator, fields.pairs());
    }

    /** The site columns, then pairs of columns {@code <pair><sep>PI}, {@code <pair><sep>PG_al} of one pair each. */
    @Override
    public boolean recognisesHeader(String line) {
        if (!line.equals(siteColumns) && !line.startsWith(siteColumns + "\t")) {
            return false;
        }
        String phaseSuffix = pairSeparator + "PI";
        String genotypeSuffix = pairSeparator + "PG_al";
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

    /** Header columns of a pair: {@code <pair><sep>PI}, {@code <pair><sep>PG_al}. */
    final String pairSeparator() {
        return pairSeparator;
    }

    static List<String> names(List<SamplePair> pairs) {
        return pairs.stream().map(SamplePair::name).toList();
    }
}
