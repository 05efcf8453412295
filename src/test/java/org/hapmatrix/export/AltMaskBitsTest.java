package org.hapmatrix.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ALT through the query's bit mask at the edges of its bits: the lowest ENUM code (the mask's top
 * bit, the sign of a Java long) as N, as an ALT allele and as REF, in one-byte masks (up to 8
 * alleles) and 64-bit ones (up to 64), and N as the 64th code (the lowest bit), each against the
 * reference converter.
 */
class AltMaskBitsTest {
    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    /** Alphabets whose first allele in byte order is N (code 0), then others; sizes 3, 8, 9 and 64. */
    private static List<String> alphabet(int size) {
        List<String> alleles = new ArrayList<>(List.of("N", "T", "TA", "TC", "TG", "TT", "W", "Y"));
        for (int i = 0; alleles.size() < size; i++) {
            alleles.add("TTT" + (char) ('A' + i / 26) + (char) ('A' + i % 26));
        }
        return alleles.subList(0, size);
    }

    private static GeneratedMatrix matrix(List<String> alleles, boolean gapFirst, long seed) {
        List<String> values = new ArrayList<>(alleles);
        if (gapFirst) {
            values.set(values.size() - 1, "-"); // '-' sorts first: code 0 is an allele a site can have as ALT
        }
        List<String> columns = new ArrayList<>(List.of("CHROM", "POS", "REF"));
        for (String sample : List.of("s1a", "s1b", "s2a", "s2b", "s3")) {
            columns.add(sample);
        }
        Random random = new Random(seed);
        List<List<String>> rows = new ArrayList<>();
        for (int site = 0; site < 400; site++) {
            String ref = values.get(random.nextInt(values.size()));
            List<String> row = new ArrayList<>(List.of("chr1", Integer.toString(site + 1), ref));
            for (int sample = 0; sample < 5; sample++) {
                row.add(random.nextInt(3) == 0 ? values.get(random.nextInt(values.size())) : ref);
            }
            rows.add(row);
        }
        return new GeneratedMatrix(columns, rows);
    }

    @org.junit.jupiter.api.Test
    void nAsTheLastOfSixtyFourCodesIsLeftOut() throws IOException {
        GeneratedMatrix matrix = matrix(MatrixGenerator.sixtyFourAllelesEndingWithN(), false, 640);
        Path input = tmp.resolve("n-last.txt");
        Path output = tmp.resolve("n-last.out");
        matrix.writeTo(input, true);
        assertEquals(0, CliRunner.run("convert", input.toString(), "-o", output.toString(), "-q").exitCode());
        assertEquals(ReferenceConverter.convert(matrix.columnNames(), matrix.rows(),
                ReferenceConverter.defaultPairs(matrix.columnNames()), null), Files.readString(output, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} alleles")
    @ValueSource(ints = {3, 8, 9, 64})
    void theLowestCodeIsTakenFromTheMasksTopBit(int size) throws IOException {
        for (boolean gapFirst : new boolean[] {false, true}) {
            GeneratedMatrix matrix = matrix(alphabet(size), gapFirst, size * 31L + (gapFirst ? 1 : 0));
            Path input = tmp.resolve("m" + size + gapFirst + ".txt");
            Path output = tmp.resolve("m" + size + gapFirst + ".out");
            matrix.writeTo(input, true);
            assertEquals(0, CliRunner.run("convert", input.toString(), "-o", output.toString(), "-q").exitCode());
            assertEquals(ReferenceConverter.convert(matrix.columnNames(), matrix.rows(),
                    ReferenceConverter.defaultPairs(matrix.columnNames()), null),
                    Files.readString(output, StandardCharsets.UTF_8), size + " alleles, gap first " + gapFirst);
        }
    }
}
