package org.hapmatrix.testsupport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferencePair;

/**
 * Deterministic random genome matrices for tests: the same seed always gives the same matrix,
 * so a failing seed can be replayed.
 */
public final class MatrixGenerator {

    private static final String MISSING = "N";
    private static final String GAP = "-";
    private static final List<String> BASES = List.of("A", "C", "G", "T");
    private static final List<String> IUPAC_CODES = List.of("R", "Y", "S", "W", "K", "M", "B", "D", "H", "V");
    private static final List<String> MULTI_BASE_ALLELES = List.of("AT", "GGC", "TA", "CC", "ACGT", "GA", "TTTA");

    /**
     * The users' real header (seed's genome_matrix_header.txt), sample order included; kept once,
     * in the golden case, and read by bench/GenerateMatrix.java too.
     */
    private static final List<String> SEED_COLUMN_NAMES = readSeedHeader();

    private MatrixGenerator() {
    }

    /** A matrix as column names plus rows of fields (contig, pos, ref, samples...). */
    public record GeneratedMatrix(List<String> columnNames, List<List<String>> rows) {

        public GeneratedMatrix {
            columnNames = List.copyOf(columnNames);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columnNames.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " fields, header has "
                            + columnNames.size());
                }
            }
        }

        public List<String> sampleNames() {
            return columnNames.subList(ReferenceConverter.FIRST_SAMPLE_COLUMN, columnNames.size());
        }

        /** Tab-separated text, {@code \n} after every line. */
        public String toText(boolean withHeaderLine) {
            StringWriter text = new StringWriter();
            try {
                writeLines(text, withHeaderLine);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen with a StringWriter
            }
            return text.toString();
        }

        /** Writes the matrix to a file, gzip-compressed when the name ends with {@code .gz}. */
        public void writeTo(Path file, boolean withHeaderLine) {
            try (OutputStream raw = Files.newOutputStream(file);
                    OutputStream maybeCompressed = isGzipName(file) ? new GZIPOutputStream(raw) : raw;
                    Writer writer = new BufferedWriter(
                            new OutputStreamWriter(maybeCompressed, StandardCharsets.UTF_8), 1 << 16)) {
                // Streamed line by line: big seed-shaped matrices should not become one huge String.
                writeLines(writer, withHeaderLine);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes the column names as one tab-separated line, like the seed's header file. */
        public void writeHeaderFile(Path file) {
            try {
                Files.writeString(file, String.join("\t", columnNames) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void writeLines(Writer writer, boolean withHeaderLine) throws IOException {
            if (withHeaderLine) {
                writer.write(String.join("\t", columnNames));
                writer.write('\n');
            }
            for (List<String> row : rows) {
                writer.write(String.join("\t", row));
                writer.write('\n');
            }
        }

        private static boolean isGzipName(Path file) {
            Path name = file.getFileName();
            return name != null && name.toString().endsWith(".gz");
        }
    }

    /** A random matrix exercising the awkward corners of the input format and the conversion. */
    private static List<String> readSeedHeader() {
        try {
            String line = Files.readAllLines(Path.of("testdata/golden/small_header.txt"), StandardCharsets.UTF_8).get(0);
            return List.of(line.split("\t", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 64 alleles, the most an ALT bit mask holds, all before N in byte order: '-' is the first ENUM
     * code (a mask's top bit) and N the last (its lowest).
     */
    public static List<String> sixtyFourAllelesEndingWithN() {
        List<String> alleles = new ArrayList<>(List.of("-", "A", "C", "G", "K", "M"));
        for (int i = 0; alleles.size() < 63; i++) {
            alleles.add("A" + "ACGT".charAt(i / 16) + "ACGT".charAt(i / 4 % 4) + "ACGT".charAt(i % 4));
        }
        alleles.add("N");
        return alleles;
    }

    public static GeneratedMatrix generate(long seed) {
        return new RandomMatrixBuilder(new Random(seed)).build();
    }

    /**
     * A matrix shaped like the users' real data: seed header (31 samples, 15 pairs + MA611),
     * contigs 1..4 each contiguous, alleles A/C/G/T with ~3% N and ~1% '-', ~30% of sites
     * carrying a second base (SNP). Gaps alone make further sites written, as in real data.
     */
    public static GeneratedMatrix seedShaped(long seed, int sites) {
        Random random = new Random(seed);
        int sampleCount = SEED_COLUMN_NAMES.size() - ReferenceConverter.FIRST_SAMPLE_COLUMN;
        int contigCount = 4;
        List<List<String>> rows = new ArrayList<>(sites);
        for (int contig = 1; contig <= contigCount; contig++) {
            // Spread the sites evenly; the first contigs take the remainder.
            int contigSites = sites / contigCount + (contig <= sites % contigCount ? 1 : 0);
            long position = 1;
            for (int i = 0; i < contigSites; i++) {
                String ref = pick(random, BASES);
                boolean snp = random.nextDouble() < 0.30;
                String alt = snp ? pickOtherThan(random, BASES, ref) : null;
                String[] row = new String[3 + sampleCount];
                row[0] = Integer.toString(contig);
                row[1] = Long.toString(position);
                row[2] = ref;
                boolean altPlaced = false;
                for (int s = 0; s < sampleCount; s++) {
                    double roll = random.nextDouble();
                    String allele;
                    if (roll < 0.03) {
                        allele = MISSING;
                    } else if (roll < 0.04) {
                        allele = GAP;
                    } else if (snp && random.nextDouble() < 0.35) {
                        allele = alt;
                        altPlaced = true;
                    } else {
                        allele = ref;
                    }
                    row[3 + s] = allele;
                }
                if (snp && !altPlaced) {
                    // A SNP site must really show its second base somewhere.
                    row[3 + random.nextInt(sampleCount)] = alt;
                }
                rows.add(List.of(row));
                position += random.nextInt(20) == 0 ? 1 + random.nextInt(50) : 1;
            }
        }
        return new GeneratedMatrix(SEED_COLUMN_NAMES, rows);
    }

    /** Kinds of deliberately awkward sites mixed into random matrices. */
    private enum EdgeCase {
        ALL_MISSING, ALL_GAP, ONLY_MISSING_AND_GAP, ALL_REF, REF_AND_GAP_ONLY, REF_IS_MISSING_OR_GAP,
        ALT_ONLY_IN_UNPAIRED_SAMPLE, THREE_OR_MORE_ALTS, SAME_NON_REF_EVERYWHERE
    }

    /** Holds the per-matrix choices (samples, alphabet, rates) while one matrix is built. */
    private static final class RandomMatrixBuilder {
        private final Random random;
        private List<String> samples;
        private List<Integer> unpairedSampleIndexes;
        private List<String> alphabet;
        private List<String> refCandidates;
        private boolean largeAlphabet;
        private double polymorphicRate;
        private double missingRate;
        private double edgeCaseRate;

        RandomMatrixBuilder(Random random) {
            this.random = random;
        }

        GeneratedMatrix build() {
            List<String> columnNames = new ArrayList<>(leadingColumnNames());
            samples = sampleNames();
            columnNames.addAll(samples);
            unpairedSampleIndexes = unpairedSampleIndexes(columnNames);
            alphabet = alphabet();
            largeAlphabet = alphabet.size() > 70;
            refCandidates = alphabet.stream().filter(a -> !a.equals(MISSING) && !a.equals(GAP)).toList();
            polymorphicRate = 0.1 + 0.6 * random.nextDouble();
            missingRate = 0.15 * random.nextDouble();
            edgeCaseRate = 0.05 + 0.35 * random.nextDouble();

            List<String> rowContigs = rowContigSequence(contigNames());
            // Sometimes one contig gets only sites with empty ALT, so it is absent from the output.
            String silentContig = !rowContigs.isEmpty() && random.nextInt(4) == 0
                    ? rowContigs.get(random.nextInt(rowContigs.size())) : null;

            Map<String, Long> nextPosition = new HashMap<>();
            List<List<String>> rows = new ArrayList<>(rowContigs.size());
            for (String contig : rowContigs) {
                long position = nextPosition.computeIfAbsent(contig, c -> startPosition());
                nextPosition.put(contig, position + positionStep());
                boolean silent = contig.equals(silentContig);
                rows.add(row(contig, position, silent));
            }
            return new GeneratedMatrix(columnNames, rows);
        }

        private List<String> leadingColumnNames() {
            return switch (random.nextInt(8)) {
                case 0 -> List.of("contig", "position", "reference");
                case 1 -> List.of("#CHROM", "POS", "REF");
                case 2 -> List.of("chrom", "pos", "ref");
                default -> List.of("CHROM", "POS", "REF");
            };
        }

        /** Unique names: a/b pairs, unpaired names, and lone names ending in 'a' or 'b'. */
        private List<String> sampleNames() {
            int count = 1 + random.nextInt(40);
            Set<String> names = new LinkedHashSet<>();
            while (names.size() < count) {
                int room = count - names.size();
                int kind = random.nextInt(10);
                if (kind < 5 && room >= 2) {
                    String prefix = pairPrefix();
                    String sampleA = prefix + "a";
                    String sampleB = prefix + "b";
                    if (!names.contains(sampleA) && !names.contains(sampleB)) {
                        names.add(sampleA);
                        names.add(sampleB);
                    }
                } else if (kind < 8) {
                    names.add(unpairedName());
                } else {
                    names.add(loneNameEndingInAOrB());
                }
            }
            // Partners end up at arbitrary column positions, as in the seed header.
            List<String> shuffled = new ArrayList<>(names);
            Collections.shuffle(shuffled, random);
            return shuffled;
        }

        private String pairPrefix() {
            int n = 1 + random.nextInt(60);
            return switch (random.nextInt(5)) {
                case 0 -> "S" + n + "_";
                case 1 -> "pop." + n;
                case 2 -> "ind_" + n + ".";
                default -> Integer.toString(n);
            };
        }

        /** Ends in a digit, so it can never become half of a default pair. */
        private String unpairedName() {
            int n = random.nextInt(1000);
            return switch (random.nextInt(4)) {
                case 0 -> "MA" + n;
                case 1 -> "sample_" + n;
                case 2 -> "p" + random.nextInt(10) + "." + n;
                default -> "Ref_Line." + n;
            };
        }

        /** Looks like half of a pair but its partner never exists ("lone"/"solo" are never pair prefixes). */
        private String loneNameEndingInAOrB() {
            int n = random.nextInt(100);
            return random.nextInt(4) == 0 ? "solo" + n + "b" : "lone" + n + "a";
        }

        private static List<Integer> unpairedSampleIndexes(List<String> columnNames) {
            Set<String> paired = new HashSet<>();
            for (ReferencePair pair : ReferenceConverter.defaultPairs(columnNames)) {
                paired.add(pair.sampleA());
                paired.add(pair.sampleB());
            }
            List<Integer> indexes = new ArrayList<>();
            for (int i = ReferenceConverter.FIRST_SAMPLE_COLUMN; i < columnNames.size(); i++) {
                if (!paired.contains(columnNames.get(i))) {
                    indexes.add(i - ReferenceConverter.FIRST_SAMPLE_COLUMN);
                }
            }
            return indexes;
        }

        /** Always A C G T N -; sometimes IUPAC codes, multi-base alleles, or a large (>70) alphabet. */
        private List<String> alphabet() {
            Set<String> values = new LinkedHashSet<>(BASES);
            values.add(MISSING);
            values.add(GAP);
            if (random.nextInt(3) == 0) {
                values.addAll(randomSubset(IUPAC_CODES));
            }
            if (random.nextInt(3) == 0) {
                values.addAll(randomSubset(MULTI_BASE_ALLELES));
            }
            if (random.nextInt(6) == 0) {
                // Sizes on both sides of 255 matter for a categorical (ENUM) column's storage.
                int targetSize = 71 + random.nextInt(230);
                while (values.size() < targetSize) {
                    values.add(randomBaseString(2 + random.nextInt(4)));
                }
            }
            return new ArrayList<>(values);
        }

        private List<String> randomSubset(List<String> from) {
            List<String> shuffled = new ArrayList<>(from);
            Collections.shuffle(shuffled, random);
            return shuffled.subList(0, 1 + random.nextInt(shuffled.size()));
        }

        private String randomBaseString(int length) {
            StringBuilder bases = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                bases.append(pick(random, BASES));
            }
            return bases.toString();
        }

        /** 1..5 contigs named chr<n>, <n> or scaffold_<n>, sometimes numbered out of order. */
        private List<String> contigNames() {
            int count = 1 + random.nextInt(5);
            List<Integer> numbers = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                numbers.add(n);
            }
            if (random.nextInt(3) == 0) {
                Collections.shuffle(numbers, random); // e.g. chr2 before chr1
            }
            int style = random.nextInt(4); // 3 = a different style per contig
            List<String> names = new ArrayList<>();
            for (int n : numbers) {
                int contigStyle = style == 3 ? random.nextInt(3) : style;
                names.add(switch (contigStyle) {
                    case 0 -> "chr" + n;
                    case 1 -> Integer.toString(n);
                    // x5 gives scaffold_5 before scaffold_10: numeric and byte order disagree.
                    default -> "scaffold_" + n * 5;
                });
            }
            return names;
        }

        /** The contig of each row, 0..400 rows; contigs contiguous or sometimes interleaved. */
        private List<String> rowContigSequence(List<String> contigs) {
            int rowCount = random.nextInt(401);
            int[] rowsPerContig = new int[contigs.size()];
            for (int i = 0; i < rowCount; i++) {
                rowsPerContig[random.nextInt(contigs.size())]++;
            }
            boolean interleaved = contigs.size() > 1 && random.nextInt(3) == 0;
            List<List<String>> chunks = new ArrayList<>();
            for (int c = 0; c < contigs.size(); c++) {
                int remaining = rowsPerContig[c];
                int chunkCount = interleaved ? 1 + random.nextInt(3) : 1;
                for (int k = 0; k < chunkCount && remaining > 0; k++) {
                    int size = k == chunkCount - 1 ? remaining : 1 + random.nextInt(remaining);
                    chunks.add(Collections.nCopies(size, contigs.get(c)));
                    remaining -= size;
                }
            }
            if (interleaved) {
                Collections.shuffle(chunks, random); // contig A, then B, then A again
            }
            List<String> sequence = new ArrayList<>(rowCount);
            chunks.forEach(sequence::addAll);
            return sequence;
        }

        /** Small, zero, just below 2^31 (crosses it), or far above it. */
        private long startPosition() {
            return switch (random.nextInt(10)) {
                case 0 -> 0L;
                case 1 -> Integer.MAX_VALUE - (long) random.nextInt(20);
                case 2, 3 -> 3_000_000_000L + random.nextInt(1000);
                case 4 -> 1_000_000_000_000L + random.nextInt(1000);
                default -> 1L + random.nextInt(1000);
            };
        }

        private long positionStep() {
            return random.nextInt(5) == 0 ? 1 + random.nextInt(1000) : 1;
        }

        private List<String> row(String contig, long position, boolean silent) {
            String[] alleles = new String[samples.size()];
            String ref;
            if (silent) {
                ref = silentSite(alleles);
            } else if (random.nextDouble() < edgeCaseRate) {
                ref = edgeCaseSite(alleles);
            } else {
                ref = ordinarySite(alleles);
            }
            List<String> row = new ArrayList<>(3 + alleles.length);
            row.add(contig);
            row.add(Long.toString(position));
            row.add(ref);
            Collections.addAll(row, alleles);
            return row;
        }

        /** Usually a plain base, as in real data; sometimes any other non-N, non-gap allele. */
        private String randomRef() {
            return random.nextInt(4) == 0 ? pick(random, refCandidates) : pick(random, BASES);
        }

        /** Only REF and N: ALT is empty, so the site is never written. Returns REF. */
        private String silentSite(String[] alleles) {
            String ref = random.nextInt(10) == 0 ? pick(random, List.of(MISSING, GAP)) : randomRef();
            for (int s = 0; s < alleles.length; s++) {
                alleles[s] = random.nextInt(5) == 0 ? MISSING : ref;
            }
            return ref;
        }

        /** Mostly REF, some missing calls, and on polymorphic sites a few other alleles. Returns REF. */
        private String ordinarySite(String[] alleles) {
            String ref = randomRef();
            List<String> alts = new ArrayList<>();
            if (random.nextDouble() < polymorphicRate) {
                int altCount = 1 + random.nextInt(largeAlphabet ? 8 : 2);
                for (int i = 0; i < altCount; i++) {
                    alts.add(pickOtherThan(random, alphabet, ref));
                }
            }
            for (int s = 0; s < alleles.length; s++) {
                if (random.nextDouble() < missingRate) {
                    alleles[s] = MISSING;
                } else if (!alts.isEmpty() && random.nextDouble() < 0.4) {
                    alleles[s] = pick(random, alts);
                } else {
                    alleles[s] = ref;
                }
            }
            return ref;
        }

        /** Fills alleles with one of the awkward site kinds. Returns REF. */
        private String edgeCaseSite(String[] alleles) {
            EdgeCase edgeCase = EdgeCase.values()[random.nextInt(EdgeCase.values().length)];
            String ref = randomRef();
            switch (edgeCase) {
                case ALL_MISSING -> fill(alleles, MISSING);
                case ALL_GAP -> fill(alleles, GAP);
                case ONLY_MISSING_AND_GAP -> fillFrom(alleles, List.of(MISSING, GAP));
                case ALL_REF -> fill(alleles, ref);
                case REF_AND_GAP_ONLY -> fillFrom(alleles, List.of(ref, GAP));
                case REF_IS_MISSING_OR_GAP -> {
                    ref = pick(random, List.of(MISSING, GAP));
                    fillFrom(alleles, alphabet);
                }
                case ALT_ONLY_IN_UNPAIRED_SAMPLE -> {
                    fill(alleles, ref);
                    if (!unpairedSampleIndexes.isEmpty()) {
                        alleles[pick(random, unpairedSampleIndexes)] = pickOtherThan(random, refCandidates, ref);
                    }
                }
                case THREE_OR_MORE_ALTS -> threeOrMoreAlts(alleles, ref);
                case SAME_NON_REF_EVERYWHERE -> fill(alleles, pickOtherThan(random, refCandidates, ref));
            }
            return ref;
        }

        /** At least three distinct non-REF, non-N alleles (fewer only if there are fewer samples). */
        private void threeOrMoreAlts(String[] alleles, String ref) {
            List<String> candidates = new ArrayList<>(alphabet);
            candidates.remove(ref);
            candidates.remove(MISSING);
            Collections.shuffle(candidates, random);
            int altCount = Math.min(3 + random.nextInt(3), candidates.size());
            List<String> alts = candidates.subList(0, altCount);
            List<String> altsAndRef = new ArrayList<>(alts);
            altsAndRef.add(ref);
            fillFrom(alleles, altsAndRef);
            // Guarantee each chosen ALT appears, at shuffled sample positions.
            List<Integer> positions = new ArrayList<>();
            for (int s = 0; s < alleles.length; s++) {
                positions.add(s);
            }
            Collections.shuffle(positions, random);
            for (int i = 0; i < Math.min(altCount, alleles.length); i++) {
                alleles[positions.get(i)] = alts.get(i);
            }
        }

        private static void fill(String[] alleles, String value) {
            Arrays.fill(alleles, value);
        }

        private void fillFrom(String[] alleles, List<String> values) {
            for (int s = 0; s < alleles.length; s++) {
                alleles[s] = pick(random, values);
            }
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A random value different from {@code excluded}; the list must hold at least one such value. */
    private static String pickOtherThan(Random random, List<String> values, String excluded) {
        while (true) {
            String value = pick(random, values);
            if (!value.equals(excluded)) {
                return value;
            }
        }
    }
}
