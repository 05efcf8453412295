package org.hapmatrix.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;

/**
 * Matrices for the scatter/gather tests: sorted (each contig's lines together, positions rising,
 * as tabix needs), several contigs whose names hold spaces, commas and non-ASCII letters, and
 * enough sites that contigs start and end inside BGZF blocks and span several.
 */
public final class ClusterMatrices {
    /** Names a shell or a comma-separated list would split or mangle; the empty-output contig is "silent". */
    public static final List<String> CONTIGS = List.of(
            "chr1", "chr 2", "chr\u00c43,x", "\u67d3\u8272\u4f53 4", "scaffold_5", "\u03c96", "silent");
    /** Names a VCF can carry (no spaces or commas), non-ASCII letters still among them. */
    public static final List<String> VCF_CONTIGS = List.of(
            "chr1", "\u67d3\u8272\u4f532", "\u03c93", "scaffold_4", "chr5", "chr6", "silent");

    private ClusterMatrices() {
    }

    /** {@code sitesPerContig} sites in each of {@link #CONTIGS}; "silent" has no written site (no ALT anywhere). */
    public static GeneratedMatrix sorted(long seed, int sitesPerContig) {
        return sorted(seed, sitesPerContig, CONTIGS);
    }

    /** As {@link #sorted(long, int)}, over {@code contigs} ("silent" still has no written site). */
    public static GeneratedMatrix sorted(long seed, int sitesPerContig, List<String> contigs) {
        Random random = new Random(seed);
        List<String> columns = List.of("contig", "pos", "ref", "1a", "1b", "2a", "2b", "s p\u00e4ce a", "s p\u00e4ce b", "lone");
        List<String> alleles = List.of("A", "C", "G", "T", "N", "-", "A", "C", "G", "T");
        List<List<String>> rows = new ArrayList<>();
        for (String contig : contigs) {
            long position = 1 + random.nextInt(100);
            for (int site = 0; site < sitesPerContig; site++) {
                List<String> row = new ArrayList<>();
                row.add(contig);
                row.add(Long.toString(position));
                String ref = alleles.get(random.nextInt(4));
                row.add(ref);
                for (int sample = 3; sample < columns.size(); sample++) {
                    row.add(contig.equals("silent") ? ref
                            : random.nextInt(3) == 0 ? alleles.get(random.nextInt(alleles.size())) : ref);
                }
                rows.add(row);
                position += 1 + random.nextInt(20);
            }
        }
        return new GeneratedMatrix(columns, rows);
    }
}
