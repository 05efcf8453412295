package org.hapmatrix.cli;

import picocli.CommandLine.Option;

/** {@code -o/--output} of the commands that write the haplotype table. */
public final class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output file; - or absent: stdout; a name ending in .gz or .bgz is BGZF-compressed (gzip that tabix can index).")
    String path;
}
