package org.hapmatrix.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.export.Region;
import picocli.CommandLine.Option;

/** {@code -r/--regions} and {@code -R/--regions-file}, as bcftools takes them (convert, export, load). */
public final class RegionOptions {
    @Option(names = {"-r", "--regions"}, paramLabel = "REGIONS",
            description = "Write only sites overlapping these regions, as bcftools view -r: CHROM, CHROM:POS, CHROM:FROM- or "
                    + "CHROM:FROM-TO (1-based, inclusive), comma-separated; a contig the data lacks is skipped.")
    List<String> regionLists = new ArrayList<>();

    @Option(names = {"-R", "--regions-file"}, paramLabel = "FILE",
            description = "Regions from FILE, as bcftools -R: BED (a name ending .bed or .bed.gz; 0-based, half-open) "
                    + "or CHROM<TAB>POS[<TAB>TO] lines (1-based, inclusive).")
    Path regionsFile;

    /** The regions given, in the order given; empty for none. Reads a regions file. */
    List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        regionLists.forEach(list -> regions.addAll(Region.parseList(list)));
        if (regionsFile != null) {
            regions.addAll(Region.readFile(regionsFile));
        }
        return regions;
    }
}
