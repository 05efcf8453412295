package org.hapmatrix.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SamplePairs;
import org.hapmatrix.store.ContigInfo;
import org.hapmatrix.store.MatrixCatalog;

/**
 * Turns the user's choices (an {@link ExportRequest}: explicit pairs, a sample subset, a contig
 * subset, where ALT comes from) into an {@link ExportPlan} for a loaded matrix; an unknown name is
 * a usage error.
 */
public final class ExportSelection {
    private ExportSelection() {
    }

    /** {@code source} is the database's name, for messages. */
    public static ExportPlan resolve(MatrixCatalog catalog, String source, ExportRequest request, int threads) {
        List<SamplePair> explicitPairs = SamplePairs.resolveNamed(request.pairs(), catalog.samples(), source);
        List<String> samples = request.samples();
        if (!explicitPairs.isEmpty()) {
            SamplePairs.validate(explicitPairs, catalog.samples(), source);
        }
        List<SamplePair> pairs = explicitPairs.isEmpty() ? catalog.defaultPairs() : explicitPairs;
        if (!samples.isEmpty()) {
            pairs = SamplePairs.keptBySamples(pairs, samples, catalog.samples(), source);
        }
        if (pairs.isEmpty() && !request.sitesOnly() && !request.pairsOptional()) {
            throw HapmatrixException.usage(source + ": no pair selected, so the output would hold sites only: "
                    + (!explicitPairs.isEmpty() || !samples.isEmpty()
                            ? "--samples keeps no pair whose two samples it names"
                            : "no sample names end in a and b to pair by default")
                    + "; name pairs with --pair NAME=A,B or --pairs FILE, or ask for sites only with --sites-only");
        }
        if (request.sitesOnly()) {
            if (!explicitPairs.isEmpty()) {
                throw HapmatrixException.usage(source + ": --sites-only writes no pair: leave out --pair/--pairs, or --sites-only");
            }
            pairs = List.of(); // the sites alone, as --sites-only says, whatever pairs the names make
        }
        List<String> altSamples = catalog.samples();
        if (request.altFrom() == AltFrom.selected) {
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
        List<String> unpaired = List.of();
        if (explicitPairs.isEmpty() && samples.isEmpty() && !request.sitesOnly()) {
            // Default pairs: a column whose name pairs with no other is left out; the summary says so.
            Set<String> paired = new HashSet<>();
            pairs.forEach(p -> {
                paired.add(p.sampleA());
                paired.add(p.sampleB());
            });
            unpaired = catalog.samples().stream().filter(s -> !paired.contains(s)).toList();
        }
        if (request.regions().isEmpty()) {
            return new ExportPlan(pairs, altSamples, selectContigs(catalog, source, request.contigs()), threads,
                    java.util.Map.of(), unpaired);
        }
        java.util.Map<String, List<Region>> regions = Region.merged(request.regions());
        List<String> known = catalog.contigs().stream().map(ContigInfo::name).toList();
        List<String> wanted = new ArrayList<>(regions.keySet());
        wanted.retainAll(known); // bcftools skips a region of a contig the file does not have
        if (!request.contigs().isEmpty()) {
            wanted.retainAll(request.contigs());
        }
        List<ContigInfo> contigs = wanted.isEmpty() ? List.of() : selectContigs(catalog, source, wanted);
        return new ExportPlan(pairs, altSamples, contigs, threads, regions, unpaired);
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
