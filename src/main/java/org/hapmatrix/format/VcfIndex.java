package org.hapmatrix.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.BgzfCompressors;
import org.hapmatrix.io.FileExtensions;
import org.hapmatrix.io.MatrixInput;

/**
 * The index beside a VCF or BCF ({@code .tbi} of {@code tabix -p vcf}, {@code .csi} of
 * {@code bcftools index}): which contigs have records and where each one's records start, in
 * file order. Both are BGZF files of the same binning scheme; a {@code .tbi} and a VCF's
 * {@code .csi} name their contigs in the index, a BCF's {@code .csi} by the header's contig order.
 */
final class VcfIndex {
    /** A contig's records: the virtual offsets of its first and last chunk. */
    record Span(long start, long end) {
    }

    private final Path file;
    private final Map<String, Span> spans;

    private VcfIndex(Path file, Map<String, Span> spans) {
        this.file = file;
        this.spans = spans;
    }

    /**
     * The index of {@code path} ({@code .tbi}, else {@code .csi}), if it has one and is a regular
     * file; {@code headerContigs} gives a BCF header's contig names (a BCF's .csi has none).
     */
    static Optional<VcfIndex> find(String path, Supplier<List<String>> headerContigs) {
        if (MatrixInput.STDIN.equals(path) || !Files.isRegularFile(Path.of(path))) {
            return Optional.empty();
        }
        for (String extension : FileExtensions.INDEXES) {
            Path index = Path.of(path + extension);
            if (Files.isRegularFile(index)) {
                try {
                    if (Files.getLastModifiedTime(index).compareTo(Files.getLastModifiedTime(Path.of(path))) < 0) {
                        throw new HapmatrixException(index + ": index is older than " + path
                                + " (stale); re-index with bcftools index -f " + path);
                    }
                    return Optional.of(read(index, extension.equals(FileExtensions.TABIX_INDEX), headerContigs));
                } catch (IOException | RuntimeException e) {
                    if (e instanceof HapmatrixException known) {
                        throw known;
                    }
                    throw new HapmatrixException(index + ": not a readable index (" + e.getMessage() + ")", e);
                }
            }
        }
        return Optional.empty();
    }

    private static VcfIndex read(Path file, boolean tabix, Supplier<List<String>> headerContigs) throws IOException {
        byte[] bytes;
        try (InputStream in = BgzfCompressors.reader(Files.newInputStream(file), true)) {
            bytes = in.readAllBytes();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        buffer.get(magic);
        int references;
        int pseudoBin;
        List<String> names;
        if (tabix) {
            if (!new String(magic, StandardCharsets.ISO_8859_1).equals("TBI\1")) {
                throw new IOException("no TBI magic");
            }
            references = buffer.getInt();
            buffer.position(buffer.position() + 24); // format, columns, meta, skip
            names = names(buffer, buffer.getInt());
            pseudoBin = 37450;
        } else {
            if (!new String(magic, StandardCharsets.ISO_8859_1).equals("CSI\1")) {
                throw new IOException("no CSI magic");
            }
            buffer.getInt(); // min_shift
            int depth = buffer.getInt();
            int auxLength = buffer.getInt();
            if (auxLength >= 28) {
                // tabix's configuration (six int32) then the names' length and the names.
                buffer.position(buffer.position() + 24);
                names = names(buffer, buffer.getInt());
            } else {
                buffer.position(buffer.position() + auxLength);
                names = headerContigs.get();
            }
            references = buffer.getInt();
            pseudoBin = (int) (((1L << (3 * depth + 3)) - 1) / 7 + 1);
        }
        List<Map.Entry<String, Span>> found = new ArrayList<>();
        for (int reference = 0; reference < references; reference++) {
            int bins = buffer.getInt();
            long first = Long.MAX_VALUE;
            long last = -1;
            for (int b = 0; b < bins; b++) {
                int bin = buffer.getInt();
                if (!tabix) {
                    buffer.getLong(); // loffset
                }
                int chunks = buffer.getInt();
                for (int c = 0; c < chunks; c++) {
                    long begin = buffer.getLong();
                    long end = buffer.getLong();
                    if (bin != pseudoBin) {
                        first = Math.min(first, begin);
                        last = Math.max(last, end);
                    }
                }
            }
            if (tabix) {
                int intervals = buffer.getInt();
                buffer.position(buffer.position() + 8 * intervals);
            }
            if (last >= 0) {
                if (reference >= names.size()) {
                    throw new IOException("reference " + reference + " has no name");
                }
                found.add(Map.entry(names.get(reference), new Span(first, last)));
            }
        }
        found.sort(Comparator.comparingLong(entry -> entry.getValue().start()));
        Map<String, Span> spans = new LinkedHashMap<>();
        found.forEach(entry -> spans.put(entry.getKey(), entry.getValue()));
        return new VcfIndex(file, spans);
    }

    private static List<String> names(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                names.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return names;
    }

    /** The contigs with records, in file order. */
    List<String> contigs() {
        return List.copyOf(spans.keySet());
    }

    Span span(String contig) {
        return spans.get(contig);
    }

    Path file() {
        return file;
    }
}
