package org.hapmatrix.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;

/**
 * Matrices for {@code --gaps}: runs of {@code -} of every length per haplotype, gaps at a contig's
 * first site and after a position hole, runs reaching a contig's end, all-gap haplotypes,
 * multi-base alleles and N beside gaps, contigs interleaved row by row; and the FASTA of their REF
 * column (with its {@code .fai}) for {@code bcftools norm --check-ref}.
 */
public final class GapMatrices {
    private static final List<String> BASES = List.of("A", "C", "G", "T");
    private static final List<String> MULTI_BASE = List.of("AT", "GGC", "TA", "CAT");

    private GapMatrices() {
    }

    /** A random gap matrix; VCF-safe (bases, N and - only; one-base REF), so every mode can write it. */
    public static GeneratedMatrix generate(long seed) {
        Random random = new Random(seed * 7919 + 11);
        int pairs = 1 + random.nextInt(4);
        List<String> columns = new ArrayList<>(List.of("CHROM", "POS", "REF"));
        for (int pair = 1; pair <= pairs; pair++) {
            columns.add("s" + pair + "a");
            columns.add("s" + pair + "b");
        }
        if (random.nextBoolean()) {
            columns.add("loner"); // unpaired: its gaps are in ALT but no written haplotype's
        }
        int samples = columns.size() - 3;
        int allGap = random.nextInt(3) == 0 ? random.nextInt(samples) : -1;
        Map<String, List<List<String>>> contigs = new LinkedHashMap<>();
        int contigCount = 1 + random.nextInt(3);
        for (int c = 1; c <= contigCount; c++) {
            String contig = "c" + c;
            List<List<String>> rows = new ArrayList<>();
            long pos = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 1;
            int sites = 20 + random.nextInt(120);
            boolean[] inGap = new boolean[samples];
            for (int site = 0; site < sites; site++) {
                String ref = BASES.get(random.nextInt(4));
                List<String> row = new ArrayList<>(List.of(contig, Long.toString(pos), ref));
                for (int s = 0; s < samples; s++) {
                    inGap[s] = inGap[s] ? random.nextInt(10) < 6 : random.nextInt(10) == 0;
                    String allele;
                    if (s == allGap || inGap[s]) {
                        allele = "-";
                    } else {
                        int roll = random.nextInt(100);
                        allele = roll < 78 ? ref : roll < 88 ? BASES.get(random.nextInt(4)) : roll < 93 ? "N"
                                : roll < 97 ? MULTI_BASE.get(random.nextInt(MULTI_BASE.size())) : "-";
                    }
                    row.add(allele);
                }
                rows.add(row);
                pos += random.nextInt(8) == 0 ? 2 + random.nextInt(4) : 1; // a hole now and then
            }
            contigs.put(contig, rows);
        }
        List<List<String>> rows = new ArrayList<>();
        if (random.nextInt(4) == 0) {
            // Interleaved: the contigs' rows in random turns, each contig's own order kept.
            List<List<List<String>>> queues = new ArrayList<>(contigs.values().stream().map(ArrayList::new).toList());
            while (!queues.isEmpty()) {
                int pick = random.nextInt(queues.size());
                int take = 1 + random.nextInt(6);
                List<List<String>> queue = queues.get(pick);
                for (int i = 0; i < take && !queue.isEmpty(); i++) {
                    rows.add(queue.remove(0));
                }
                if (queue.isEmpty()) {
                    queues.remove(pick);
                }
            }
        } else {
            contigs.values().forEach(rows::addAll);
        }
        return new GeneratedMatrix(columns, rows);
    }

    /**
     * Writes the matrix's REF column as a FASTA (60 bases a line, N where no site is) and its
     * {@code .fai}, as {@code samtools faidx} would, so that bcftools norm can read it.
     */
    public static Path writeReferenceFasta(GeneratedMatrix matrix, Path fasta) throws IOException {
        Map<String, Map<Long, Character>> bases = new LinkedHashMap<>();
        for (List<String> row : matrix.rows()) {
            bases.computeIfAbsent(row.get(0), c -> new java.util.HashMap<>())
                    .put(Long.parseLong(row.get(1)), Character.toUpperCase(row.get(2).charAt(0)));
        }
        StringBuilder text = new StringBuilder();
        StringBuilder index = new StringBuilder();
        int width = 60;
        for (Map.Entry<String, Map<Long, Character>> contig : bases.entrySet()) {
            long length = contig.getValue().keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            text.append('>').append(contig.getKey()).append('\n');
            index.append(contig.getKey()).append('\t').append(length).append('\t')
                    .append(text.toString().getBytes(StandardCharsets.US_ASCII).length).append('\t')
                    .append(width).append('\t').append(width + 1).append('\n');
            for (long pos = 1; pos <= length; pos++) {
                text.append(contig.getValue().getOrDefault(pos, 'N'));
                if (pos % width == 0 || pos == length) {
                    text.append('\n');
                }
            }
        }
        Files.writeString(fasta, text, StandardCharsets.US_ASCII);
        Files.writeString(Path.of(fasta + ".fai"), index, StandardCharsets.US_ASCII);
        return fasta;
    }
}
