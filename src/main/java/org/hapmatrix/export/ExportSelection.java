package org.hapmatrix.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SamplePairs;
import org.hapmatrix.store.ContigInfo;
import org.hapmatrix.store.MatrixCatalog;

/**
 * Turns the user's choices (explicit pairs, a sample subset, a contig subset, where ALT comes
 * from) into an {@link ExportRequest} for a loaded matrix; an unknown name is a usage error.
 */
public final class ExportSelection {
    /** Which samples ALT is computed over. */
    public enum AltFrom {
        /** Every sample of the matrix, as the original program did. */
        all,
        /** Only the samples of the exported pairs. */
        selected
    }

    private ExportSelection() {
    }

    /**
     * @param source        the database's name, for messages
     * @param explicitPairs pairs given by the user, or empty for the default a/b pairs
     * @param samples       keep only pairs whose two samples are both listed; empty keeps all
     * @param contigs       contigs to write; empty writes all (always in first-appearance order)
     */
    public static ExportRequest resolve(MatrixCatalog catalog, String source, List<SamplePair> explicitPairs,
                                        List<String> samples, List<String> contigs, AltFrom altFrom, int threads) {
        if (!explicitPairs.isEmpty()) {
            SamplePairs.validate(explicitPairs, catalog.samples(), source);
        }
        List<SamplePair> pairs = explicitPairs.isEmpty() ? catalog.defaultPairs() : explicitPairs;
        if (!samples.isEmpty()) {
            requireKnown(source, "sample", samples, catalog.samples());
            Set<String> kept = Set.copyOf(samples);
            pairs = pairs.stream().filter(p -> kept.contains(p.sampleA()) && kept.contains(p.sampleB())).toList();
        }
        List<String> altSamples = catalog.samples();
        if (altFrom == AltFrom.selected) {
            Set<String> selected = new LinkedHashSet<>();
            pairs.forEach(p -> {
                selected.add(p.sampleA());
                selected.add(p.sampleB());
            });
            if (selected.isEmpty()) {
                throw HapmatrixException.usage("--alt-from selected: no pair is selected, so ALT has no sample");
            }
            altSamples = List.copyOf(selected);
        }
        return new ExportRequest(pairs, altSamples, selectContigs(catalog, source, contigs), threads);
    }

    private static List<ContigInfo> selectContigs(MatrixCatalog catalog, String source, List<String> wanted) {
        if (wanted.isEmpty()) {
            return catalog.contigs();
        }
        requireKnown(source, "contig", wanted, catalog.contigs().stream().map(ContigInfo::name).toList());
        Set<String> kept = Set.copyOf(wanted);
        List<ContigInfo> selected = new ArrayList<>();
        for (ContigInfo contig : catalog.contigs()) {
            if (kept.contains(contig.name())) {
                selected.add(contig);
            }
        }
        return selected;
    }

    private static void requireKnown(String source, String kind, List<String> names, List<String> known) {
        Set<String> knownNames = Set.copyOf(known);
        for (String name : names) {
            if (!knownNames.contains(name)) {
                throw HapmatrixException.usage(source + ": unknown " + kind + " '" + name + "'");
            }
        }
    }
}
