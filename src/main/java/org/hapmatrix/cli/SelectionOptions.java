package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hapmatrix.export.AltFrom;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SamplePairs;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What goes into the table: pairs, samples, contigs, and which samples ALT is computed over. */
public final class SelectionOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--pair", paramLabel = "NAME=A,B", converter = PairConverter.class,
            description = "Phase samples A and B together as pair NAME, or a lone NAME: the default a/b pair of that name, e.g. 10a10b (repeatable; replaces the default a/b pairs).")
    List<SamplePair> pairs = new ArrayList<>();

    @Option(names = "--pairs", paramLabel = "FILE",
            description = "Pairs from a file, one a line: NAME, SAMPLE_A and SAMPLE_B, tab-separated, or a default pair's NAME alone (replaces the default pairs).")
    Path pairsFile;

    // Split by request(), not by picocli's split, which keeps a "quoted" part with its comma.
    @Option(names = "--samples", paramLabel = "LIST",
            description = "Keep only the pairs whose two samples are both in this comma-separated list, or whose pair name (a VCF sample name) is in it.")
    List<String> sampleLists = new ArrayList<>();

    @Option(names = "--samples-file", paramLabel = "FILE",
            description = "As --samples, the names from FILE, one a line (names may hold commas).")
    Path samplesFile;

    @Mixin
    ContigOptions contigOptions;

    @Mixin
    RegionOptions regionOptions;

    @Option(names = "--alt-from", paramLabel = "all|selected",
            description = "Compute ALT over all samples (default, as the original program) or only the exported ones.")
    AltFrom altFrom = AltFrom.all;

    @Option(names = "--sites-only",
            description = "Write the sites without any pair (no pair selected is otherwise an error).")
    boolean sitesOnly;

    /** The files these options read, by what they are, for the check that -o is none of them. */
    Map<String, Path> inputFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("pairs file", pairsFile);
        files.put("contigs file", contigOptions.contigsFile);
        files.put("samples file", samplesFile);
        files.put("regions file", regionOptions.regionsFile);
        return files;
    }

    /** The export these options ask for; reads a --pairs file. */
    ExportRequest request() {
        List<String> samples = new ArrayList<>(splitAtCommas(sampleLists));
        if (samplesFile != null) {
            samples.addAll(NamesFile.read(samplesFile, "sample"));
        }
        return new ExportRequest(explicitPairs(), samples, contigOptions.names(), altFrom, regionOptions.regions(), sitesOnly);
    }

    private static List<String> splitAtCommas(List<String> lists) {
        return lists.stream().flatMap(list -> Arrays.stream(list.split(",", -1))).toList();
    }

    /** The explicit pairs, in the order given; empty for the default a/b pairs. */
    private List<SamplePair> explicitPairs() {
        if (pairsFile != null && !pairs.isEmpty()) {
            throw new ParameterException(command.commandLine(), "give pairs either with --pair or with --pairs, not both");
        }
        return pairsFile != null ? SamplePairs.readFile(pairsFile) : pairs;
    }

    static final class PairConverter extends DomainConverter<SamplePair> {
        PairConverter() {
            super(SamplePairs::parse);
        }
    }
}
