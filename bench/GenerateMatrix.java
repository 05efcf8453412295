import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a deterministic, seed-shaped genome matrix for benchmarks (no header line).
 *
 * <pre>
 *   java bench/GenerateMatrix.java [--samples N] [--contigs N] SITES OUT_FILE [SEED]
 *   java bench/GenerateMatrix.java [--samples N] --header OUT_HEADER
 * </pre>
 * OUT_FILE may be - for stdout.
 *
 * Rows: contig (contiguous blocks of equal share; default 4 contigs named 1..4), position (1, 2,
 * 3, ... per contig), REF (A C G T), then the sample alleles (default 31 samples, the seed's
 * names; other counts are named S1a, S1b, S2a, ... so that every two make a default pair, an odd
 * last one unpaired). About 30% of the sites are polymorphic (a second base among the samples);
 * each sample cell is independently N with probability 3% and - with probability 1%. Same
 * options, SITES and SEED give the same bytes (the defaults give the bytes of earlier versions).
 * The file is written to OUT_FILE.tmp and renamed at the end, so an interrupted run leaves no
 * truncated matrix.
 */
public final class GenerateMatrix {
    static final int DEFAULT_CONTIGS = 4;
    static final int DEFAULT_SAMPLES = 31;
    /** The users' real header, kept once for the tests' generator too: testdata/golden/small_header.txt. */
    static final String DEFAULT_HEADER = seedHeader();

    static final byte[] BASES = {'A', 'C', 'G', 'T'};
    // thresholds on a 16-bit uniform value
    static final int POLY = (int) (0.30 * 65536);   // site is polymorphic
    static final int N_CELL = (int) (0.03 * 65536);  // cell is N
    static final int GAP_CELL = N_CELL + (int) (0.01 * 65536); // cell is -
    static final int ALT_CELL = (int) (0.35 * 65536); // polymorphic site: sample carries ALT

    private long state;
    private final int samples;
    private final int contigs;

    private GenerateMatrix(long seed, int samples, int contigs) {
        this.state = seed;
        this.samples = samples;
        this.contigs = contigs;
    }

    /** Found beside this source file (the source launcher names it), or else from the repository root. */
    private static String seedHeader() {
        String source = System.getProperty("jdk.launcher.sourcefile");
        Path root = source != null ? Path.of(source).toAbsolutePath().getParent().getParent() : Path.of("");
        try {
            return Files.readAllLines(root.resolve("testdata/golden/small_header.txt"), StandardCharsets.UTF_8).get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("GenerateMatrix: the seed header (run from the repository root)", e);
        }
    }

    static String header(int samples) {
        if (samples == DEFAULT_SAMPLES) {
            return DEFAULT_HEADER;
        }
        StringBuilder header = new StringBuilder("CHROM\tPOS\tREF");
        for (int i = 0; i < samples; i++) {
            header.append("\tS").append(i / 2 + 1).append(i % 2 == 0 ? 'a' : 'b');
        }
        return header.toString();
    }

    /** SplitMix64. */
    private long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static void main(String[] args) throws IOException {
        int samples = DEFAULT_SAMPLES;
        int contigs = DEFAULT_CONTIGS;
        while (args.length >= 2 && (args[0].equals("--samples") || args[0].equals("--contigs"))) {
            int value = Integer.parseInt(args[1]);
            if (value < 1) {
                System.err.println("GenerateMatrix: " + args[0] + " must be >= 1");
                System.exit(2);
            }
            if (args[0].equals("--samples")) {
                samples = value;
            } else {
                contigs = value;
            }
            args = java.util.Arrays.copyOfRange(args, 2, args.length);
        }
        if (args.length == 2 && args[0].equals("--header")) {
            Files.writeString(Path.of(args[1]), header(samples) + "\n", StandardCharsets.US_ASCII);
            return;
        }
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java GenerateMatrix.java [--samples N] [--contigs N] SITES OUT_FILE [SEED]\n"
                    + "       java GenerateMatrix.java [--samples N] --header OUT_HEADER");
            System.exit(2);
        }
        long sites;
        long seed;
        try {
            sites = Long.parseLong(args[0].replace("_", ""));
            seed = args.length == 3 ? Long.parseLong(args[2]) : 42L;
        } catch (NumberFormatException e) {
            System.err.println("GenerateMatrix: not a number: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (sites < 0) {
            System.err.println("GenerateMatrix: SITES must be >= 0");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        if (args[1].equals("-")) {
            try (OutputStream os = new BufferedOutputStream(System.out, 1 << 24)) {
                new GenerateMatrix(seed, samples, contigs).write(sites, os);
            }
            return;
        }
        Path out = Path.of(args[1]);
        if (Files.exists(out) && !Files.isRegularFile(out)) {
            // a device or pipe (e.g. /dev/null): write straight to it, never rename over it
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 24)) {
                new GenerateMatrix(seed, samples, contigs).write(sites, os);
            }
            return;
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 24)) {
            new GenerateMatrix(seed, samples, contigs).write(sites, os);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        double s = (System.nanoTime() - t0) / 1e9;
        System.err.printf("GenerateMatrix: %,d sites, %,d bytes -> %s in %.1f s%n",
                sites, Files.size(out), out, s);
    }

    private void write(long sites, OutputStream os) throws IOException {
        // one row is at most: contig 10 + tab + 19 digits + tab + ref + tab + samples * 2 (cell + tab/newline)
        int rowMax = 64 + 2 * samples;
        byte[] buf = new byte[Math.max(1 << 20, 2 * rowMax)];
        int len = 0;
        long base = sites / contigs;
        long rem = sites % contigs;
        byte[] digits = new byte[20];
        byte[] cells = new byte[samples];
        for (int c = 0; c < contigs; c++) {
            long n = base + (c < rem ? 1 : 0);
            byte[] contig = Integer.toString(c + 1).getBytes(StandardCharsets.US_ASCII);
            for (long pos = 1; pos <= n; pos++) {
                if (len > buf.length - rowMax) {
                    os.write(buf, 0, len);
                    len = 0;
                }
                System.arraycopy(contig, 0, buf, len, contig.length);
                len += contig.length;
                buf[len++] = '\t';
                // position
                long p = pos;
                int d = digits.length;
                do {
                    digits[--d] = (byte) ('0' + (p % 10));
                    p /= 10;
                } while (p != 0);
                int dl = digits.length - d;
                System.arraycopy(digits, d, buf, len, dl);
                len += dl;
                buf[len++] = '\t';

                long r = next();
                int refIdx = (int) (r & 3);
                byte ref = BASES[refIdx];
                boolean poly = ((r >>> 2) & 0xFFFF) < POLY;
                // alt base differs from ref: ref + 1..3 mod 4
                byte alt = BASES[(refIdx + 1 + (int) (((r >>> 18) & 0xFFFF) % 3)) & 3];
                buf[len++] = ref;
                buf[len++] = '\t';

                boolean anyAlt = false;
                long bits = 0;
                for (int i = 0; i < samples; i++) {
                    if ((i & 1) == 0) {
                        bits = next();
                    }
                    int u = (int) (bits & 0xFFFF);
                    int v = (int) ((bits >>> 16) & 0xFFFF);
                    bits >>>= 32;
                    byte cell;
                    if (u < N_CELL) {
                        cell = 'N';
                    } else if (u < GAP_CELL) {
                        cell = '-';
                    } else if (poly && v < ALT_CELL) {
                        cell = alt;
                        anyAlt = true;
                    } else {
                        cell = ref;
                    }
                    cells[i] = cell;
                }
                if (poly && !anyAlt) {
                    // make sure a polymorphic site really carries its second base
                    cells[(int) (((r >>> 40) & 0xFFFF) % samples)] = alt;
                }
                for (int i = 0; i < samples; i++) {
                    buf[len++] = cells[i];
                    buf[len++] = '\t';
                }
                buf[len - 1] = '\n';
            }
        }
        os.write(buf, 0, len);
    }
}
