package org.hapmatrix.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;

/** Generated matrices made writable as an indexed VCF, so that tests compare content rather than errors. */
public final class VcfSafeMatrix {
    private VcfSafeMatrix() {
    }

    /**
     * The matrix with positions moved into 1..2^29 (each contig keeps its order and steps) and
     * every allele VCF cannot hold replaced by bases; REF '-' becomes 'N' (VCF's unknown base).
     */
    public static GeneratedMatrix of(GeneratedMatrix matrix, Random random) {
        Map<String, Long> shift = new HashMap<>();
        Map<String, String> replaced = new HashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : matrix.rows()) {
            List<String> safe = new ArrayList<>(row.size());
            safe.add(row.get(0));
            long position = Long.parseLong(row.get(1));
            long offset = shift.computeIfAbsent(row.get(0), c -> position - 1 - random.nextInt(1000));
            safe.add(Long.toString(position - offset));
            safe.add(row.get(2).equals("-") ? "N" : safeAllele(row.get(2), replaced));
            for (int column = 3; column < row.size(); column++) {
                safe.add(safeAllele(row.get(column), replaced));
            }
            rows.add(safe);
        }
        return new GeneratedMatrix(matrix.columnNames(), rows);
    }

    private static String safeAllele(String allele, Map<String, String> replaced) {
        if (allele.equals("-") || allele.matches("[ACGTN]+")) {
            return allele;
        }
        // Distinct stand-ins: 'NA' + a base-4 number, never one of the generator's own alleles.
        return replaced.computeIfAbsent(allele, a -> "NA" + Integer.toString(replaced.size(), 4)
                .replace('0', 'A').replace('1', 'C').replace('2', 'G').replace('3', 'T'));
    }

}
