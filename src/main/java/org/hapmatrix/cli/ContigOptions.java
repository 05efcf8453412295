package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** Which contigs to read or write: {@code --contigs} lists and a {@code --contigs-file} (one name a line, any characters but a newline). */
public final class ContigOptions {
    // Split by names(), not by picocli's split, which keeps a "quoted" part with its comma.
    @Option(names = "--contigs", paramLabel = "LIST",
            description = "Only these contigs (comma-separated); output order stays the input's.")
    List<String> contigLists = new ArrayList<>();

    @Option(names = "--contigs-file", paramLabel = "FILE",
            description = "Only the contigs named in FILE, one a line (names may hold commas and spaces).")
    Path contigsFile;

    /** The selected names, every name as written; empty for all contigs. */
    List<String> names() {
        List<String> names = new ArrayList<>(contigLists.stream()
                .flatMap(list -> Arrays.stream(list.split(",", -1))).toList());
        if (contigsFile != null) {
            names.addAll(NamesFile.read(contigsFile, "contig"));
        }
        return names;
    }
}
