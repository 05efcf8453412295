import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * "The floor" of bench/run.sh: the haplotype table written by a plain single-pass converter with
 * no database, to measure what hapmatrix's design costs on top of reading and writing.
 *
 * <pre>
 *   java bench/FloorConverter.java MATRIX HEADER|- OUT [THREADS]
 * </pre>
 * HEADER is a one-line column-name file, or - for the matrix's first line. Same output as
 * {@code hapmatrix convert} with default pairs and ALT over all samples: pairs by the a/b naming
 * rule in byte order of their names; ALT the distinct alleles minus N and REF in byte order; a
 * pair allele N or - written as REF; sites with an empty ALT left out. Positions are copied as
 * written. The main thread reads blocks of whole lines, THREADS workers (default 2) format them,
 * and the main thread writes the results in input order. Contigs must come in blocks (as in the
 * benchmark's matrices): a contig that reappears after another one stops the run with exit 1,
 * since grouping would need a second pass or buffering, which this floor does not pay for.
 */
public final class FloorConverter {
    private static final int BLOCK_BYTES = 4 << 20;
    private static final byte TAB = '\t';

    private final int[][] pairIndex; // per pair: the field indexes of its two samples
    private final int fields;

    private FloorConverter(int[][] pairIndex, int fields) {
        this.pairIndex = pairIndex;
        this.fields = fields;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: java FloorConverter.java MATRIX HEADER|- OUT [THREADS]");
            System.exit(2);
        }
        int threads = args.length == 4 ? Integer.parseInt(args[3]) : 2;
        try (InputStream in = new FileInputStream(args[0]);
             OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
            byte[] carry = new byte[0];
            String headerLine;
            if (args[1].equals("-")) {
                // the first line of the matrix
                ByteArrayLine first = readLine(in);
                headerLine = first.line;
                carry = first.rest;
            } else {
                headerLine = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            }
            if (headerLine.startsWith("\uFEFF")) {
                headerLine = headerLine.substring(1);
            }
            if (headerLine.endsWith("\r")) {
                headerLine = headerLine.substring(0, headerLine.length() - 1);
            }
            String[] names = headerLine.split("\t", -1);
            List<String> samples = Arrays.asList(names).subList(3, names.length);
            List<String[]> pairs = pairsByNamingRule(samples);
            int[][] pairIndex = new int[pairs.size()][];
            StringBuilder header = new StringBuilder("contig\tpos\tref\talt");
            for (int i = 0; i < pairs.size(); i++) {
                String[] p = pairs.get(i);
                pairIndex[i] = new int[] {3 + samples.indexOf(p[1]), 3 + samples.indexOf(p[2])};
                header.append('\t').append(p[0]).append("_PI\t").append(p[0]).append("_PG_al");
            }
            out.write(header.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            new FloorConverter(pairIndex, names.length).run(in, carry, out, threads);
        }
    }

    private record ByteArrayLine(String line, byte[] rest) {
    }

    private static ByteArrayLine readLine(InputStream in) throws IOException {
        byte[] block = in.readNBytes(1 << 20);
        int end = 0;
        while (end < block.length && block[end] != '\n') {
            end++;
        }
        if (end == block.length) {
            throw new IOException("no header line within the first MiB");
        }
        return new ByteArrayLine(new String(block, 0, end, StandardCharsets.UTF_8),
                Arrays.copyOfRange(block, end + 1, block.length));
    }

    /** The a/b naming rule: {@code 10a} + {@code 10b} -> pair {@code 10a10b}, pairs in byte order of the name. */
    static List<String[]> pairsByNamingRule(List<String> samples) {
        Set<String> known = new HashSet<>(samples);
        List<String[]> pairs = new ArrayList<>();
        for (String s : samples) {
            if (s.endsWith("a")) {
                String partner = s.substring(0, s.length() - 1) + "b";
                if (known.contains(partner)) {
                    pairs.add(new String[] {s + partner, s, partner});
                }
            }
        }
        pairs.sort((x, y) -> Arrays.compareUnsigned(x[0].getBytes(StandardCharsets.UTF_8), y[0].getBytes(StandardCharsets.UTF_8)));
        return pairs;
    }

    /** One converted block: its output bytes and its contigs' names in order of their runs. */
    private record Converted(byte[] bytes, int length, List<String> contigRuns) {
    }

    private void run(InputStream in, byte[] carry, OutputStream out, int threads) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        ArrayDeque<Future<Converted>> pending = new ArrayDeque<>();
        Set<String> finishedContigs = new HashSet<>();
        String[] current = {null};
        try {
            byte[] rest = carry;
            boolean eof = false;
            while (!eof) {
                byte[] block = new byte[Math.max(BLOCK_BYTES, rest.length * 2)];
                System.arraycopy(rest, 0, block, 0, rest.length);
                int filled = rest.length;
                while (filled < block.length) {
                    int n = in.read(block, filled, block.length - filled);
                    if (n < 0) {
                        eof = true;
                        break;
                    }
                    filled += n;
                }
                int cut = filled; // at the end of the input, the last line may lack its newline
                if (!eof) {
                    while (cut > 0 && block[cut - 1] != '\n') {
                        cut--;
                    }
                    if (cut == 0) { // one line longer than the block: read on with a larger block
                        rest = Arrays.copyOf(block, filled);
                        continue;
                    }
                }
                rest = Arrays.copyOfRange(block, cut, filled);
                byte[] lines = block;
                int linesEnd = cut;
                pending.add(workers.submit(() -> convert(lines, linesEnd)));
                while (pending.size() > 2 * threads) {
                    write(pending.poll().get(), out, finishedContigs, current);
                }
            }
            while (!pending.isEmpty()) {
                write(pending.poll().get(), out, finishedContigs, current);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static void write(Converted block, OutputStream out, Set<String> finished, String[] current)
            throws IOException {
        for (String contig : block.contigRuns) {
            if (contig.equals(current[0])) {
                continue;
            }
            if (current[0] != null) {
                finished.add(current[0]);
            }
            if (finished.contains(contig)) {
                System.err.println("FloorConverter: contig " + contig + " reappears after another contig;"
                        + " this floor handles contigs in blocks only");
                System.exit(1);
            }
            current[0] = contig;
        }
        out.write(block.bytes, 0, block.length);
    }

    /** Converts the whole lines in {@code block[0, end)}. */
    private Converted convert(byte[] block, int end) {
        Output o = new Output(end / 2 + 1024);
        List<String> runs = new ArrayList<>();
        int[] starts = new int[fields + 1];
        int[] ends = new int[fields + 1];
        long[] seen = new long[4];
        byte[] lastContig = null;
        int lineStart = 0;
        while (lineStart < end) {
            int lineEnd = lineStart;
            while (lineEnd < end && block[lineEnd] != '\n') {
                lineEnd++;
            }
            int next = lineEnd + 1;
            if (lineEnd > lineStart && block[lineEnd - 1] == '\r') {
                lineEnd--;
            }
            if (lineEnd == lineStart) {
                lineStart = next;
                continue;
            }
            // split into fields
            int f = 0;
            int s = lineStart;
            for (int i = lineStart; i < lineEnd; i++) {
                if (block[i] == TAB) {
                    if (f < fields) {
                        starts[f] = s;
                        ends[f] = i;
                    }
                    f++;
                    s = i + 1;
                }
            }
            if (f < fields) {
                starts[f] = s;
                ends[f] = lineEnd;
            }
            f++;
            if (f != fields) {
                throw new IllegalStateException("line with " + f + " fields, expected " + fields);
            }
            int contigStart = starts[0];
            int contigLength = ends[0] - starts[0];
            if (lastContig == null || !Arrays.equals(lastContig, 0, lastContig.length, block, contigStart, contigStart + contigLength)) {
                lastContig = Arrays.copyOfRange(block, contigStart, contigStart + contigLength);
                runs.add(new String(lastContig, StandardCharsets.UTF_8));
            }
            int refStart = starts[2];
            int refLength = ends[2] - refStart;
            // ALT: the distinct sample alleles minus N and REF, in byte order
            boolean singleBytes = true;
            Arrays.fill(seen, 0);
            for (int i = 3; i < fields; i++) {
                if (ends[i] - starts[i] != 1) {
                    singleBytes = false;
                    break;
                }
                int b = block[starts[i]] & 0xFF;
                seen[b >>> 6] |= 1L << b;
            }
            int mark = o.length;
            o.put(block, contigStart, ends[2]); // contig \t pos \t ref
            o.put(TAB);
            int altStart = o.length;
            if (singleBytes) {
                seen['N' >>> 6] &= ~(1L << 'N');
                if (refLength == 1) {
                    int r = block[refStart] & 0xFF;
                    seen[r >>> 6] &= ~(1L << r);
                }
                for (int w = 0; w < 4; w++) {
                    for (long bits = seen[w]; bits != 0; bits &= bits - 1) {
                        if (o.length > altStart) {
                            o.put((byte) ',');
                        }
                        o.put((byte) (w * 64 + Long.numberOfTrailingZeros(bits)));
                    }
                }
            } else {
                TreeSet<byte[]> alleles = new TreeSet<>(Arrays::compareUnsigned);
                for (int i = 3; i < fields; i++) {
                    byte[] a = Arrays.copyOfRange(block, starts[i], ends[i]);
                    boolean isN = a.length == 1 && a[0] == 'N';
                    boolean isRef = Arrays.equals(a, 0, a.length, block, refStart, refStart + refLength);
                    if (!isN && !isRef) {
                        alleles.add(a);
                    }
                }
                for (byte[] a : alleles) {
                    if (o.length > altStart) {
                        o.put((byte) ',');
                    }
                    o.put(a, 0, a.length);
                }
            }
            if (o.length == altStart) { // no ALT: the site is not written
                o.length = mark;
                lineStart = next;
                continue;
            }
            for (int[] pair : pairIndex) {
                o.put(TAB);
                o.put(block, contigStart, contigStart + contigLength);
                o.put(TAB);
                putPairAllele(o, block, starts[pair[0]], ends[pair[0]], refStart, refLength);
                o.put((byte) '|');
                putPairAllele(o, block, starts[pair[1]], ends[pair[1]], refStart, refLength);
            }
            o.put((byte) '\n');
            lineStart = next;
        }
        return new Converted(o.bytes, o.length, runs);
    }

    /** A pair allele as written: N or - becomes REF. */
    private static void putPairAllele(Output o, byte[] block, int start, int end, int refStart, int refLength) {
        if (end - start == 1 && (block[start] == 'N' || block[start] == '-')) {
            o.put(block, refStart, refStart + refLength);
        } else {
            o.put(block, start, end);
        }
    }

    /** A growable byte buffer. */
    private static final class Output {
        byte[] bytes;
        int length;

        Output(int capacity) {
            bytes = new byte[capacity];
        }

        void put(byte b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[length++] = b;
        }

        void put(byte[] src, int from, int to) {
            int n = to - from;
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            }
            System.arraycopy(src, from, bytes, length, n);
            length += n;
        }
    }
}
