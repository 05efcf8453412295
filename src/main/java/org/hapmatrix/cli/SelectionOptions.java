package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.export.AltFrom;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SamplePairs;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What goes into the table: pairs, samples, contigs, and which samples ALT is computed over. */
public final class SelectionOptions {
    @Option(names = "--pair", paramLabel = "NAME=A,B",
            description = "Phase samples A and B together as pair NAME (repeatable; replaces the default a/b pairs).")
    List<String> pairSpecs = new ArrayList<>();

    @Option(names = "--pairs", paramLabel = "FILE",
            description = "Pairs from a file, one NAME<TAB>SAMPLE_A<TAB>SAMPLE_B per line (replaces the default pairs).")
    Path pairsFile;

    // Split by samples()/contigs(), not by picocli's split, which keeps a "quoted" part with its comma.
    @Option(names = "--samples", paramLabel = "LIST",
            description = "Keep only the pairs whose two samples are both in this comma-separated list.")
    List<String> sampleLists = new ArrayList<>();

    @Mixin
    ContigOptions contigOptions;

    @Option(names = "--alt-from", paramLabel = "all|selected",
            description = "Compute ALT over all samples (default, as the original program) or only the exported ones.")
    AltFrom altFrom = AltFrom.all;

    /** The export these options ask for; reads a --pairs file. */
    ExportRequest request() {
        return new ExportRequest(explicitPairs(), samples(), contigs(), altFrom);
    }

    /** The --samples names, every name as written. */
    List<String> samples() {
        return splitAtCommas(sampleLists);
    }

    /** The --contigs names, every name as written. */
    List<String> contigs() {
        return contigOptions.names();
    }

    private static List<String> splitAtCommas(List<String> lists) {
        return lists.stream().flatMap(list -> Arrays.stream(list.split(",", -1))).toList();
    }

    /** The explicit pairs, in the order given; empty for the default a/b pairs. */
    List<SamplePair> explicitPairs() {
        if (pairsFile != null && !pairSpecs.isEmpty()) {
            throw HapmatrixException.usage("give pairs either with --pair or with --pairs, not both");
        }
        if (pairsFile != null) {
            return SamplePairs.readFile(pairsFile);
        }
        return pairSpecs.stream().map(SamplePairs::parseOption).toList();
    }
}
