package org.hapmatrix.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * A {@code .tbi} or {@code .csi} read into text, bins in ascending order (htslib writes them in its
 * hash table's order), so a test can compare hapmatrix's index with the one tabix or bcftools
 * builds for the same file, field by field.
 */
public final class HtsIndexDump {
    private HtsIndexDump() {
    }

    public static String of(Path index) throws IOException {
        byte[] bytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(index))) {
            bytes = in.readAllBytes();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        buffer.get(magic);
        String kind = new String(magic, 0, 3, StandardCharsets.US_ASCII);
        StringBuilder out = new StringBuilder(kind).append('\n');
        boolean csi = kind.equals("CSI");
        if (csi) {
            out.append("min_shift ").append(buffer.getInt()).append(" depth ").append(buffer.getInt()).append('\n');
            int auxLength = buffer.getInt();
            out.append("aux ").append(auxLength).append('\n');
            if (auxLength > 0) {
                columnsAndNames(buffer, out);
            }
        }
        int references = buffer.getInt();
        out.append("references ").append(references).append('\n');
        if (!csi) {
            columnsAndNames(buffer, out);
        }
        for (int reference = 0; reference < references; reference++) {
            int binCount = buffer.getInt();
            TreeMap<Long, String> bins = new TreeMap<>();
            for (int bin = 0; bin < binCount; bin++) {
                long id = buffer.getInt() & 0xffffffffL;
                StringBuilder text = new StringBuilder();
                if (csi) {
                    text.append(" loff ").append(offset(buffer.getLong()));
                }
                int chunks = buffer.getInt();
                List<String> pairs = new ArrayList<>();
                for (int chunk = 0; chunk < chunks; chunk++) {
                    long begin = buffer.getLong();
                    long end = buffer.getLong();
                    pairs.add(chunks == 2 && chunk == 1 && isMeta(id, csi, bytes) ? "count " + begin + "/" + end
                            : offset(begin) + "-" + offset(end));
                }
                text.append(' ').append(String.join(" ", pairs));
                bins.put(id, text.toString());
            }
            out.append("ref ").append(reference).append(" bins ").append(binCount).append('\n');
            bins.forEach((id, text) -> out.append("  bin ").append(id).append(text).append('\n'));
            if (!csi) {
                int windows = buffer.getInt();
                out.append("  linear ").append(windows).append(':');
                for (int window = 0; window < windows; window++) {
                    out.append(' ').append(offset(buffer.getLong()));
                }
                out.append('\n');
            }
        }
        if (buffer.remaining() >= 8) {
            out.append("no_coor ").append(buffer.getLong()).append('\n');
        }
        return out.toString();
    }

    /** The pseudo-bin of a .tbi (37450) or of a .csi of depth 6 (299594), the depths hapmatrix and bcftools write. */
    private static boolean isMeta(long id, boolean csi, byte[] bytes) {
        return id == 37450 || id == 299594 || (csi && id == ((1L << (3 * depth(bytes) + 3)) - 1) / 7 + 1);
    }

    private static int depth(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static void columnsAndNames(ByteBuffer buffer, StringBuilder out) {
        out.append("preset ").append(buffer.getInt()).append(" seq ").append(buffer.getInt()).append(" beg ")
                .append(buffer.getInt()).append(" end ").append(buffer.getInt()).append(" meta ")
                .append((char) buffer.getInt()).append(" skip ").append(buffer.getInt()).append('\n');
        byte[] names = new byte[buffer.getInt()];
        buffer.get(names);
        out.append("names ").append(new String(names, StandardCharsets.UTF_8).replace('\0', ',')).append('\n');
    }

    private static String offset(long virtual) {
        return (virtual >>> 16) + ":" + (virtual & 0xffff);
    }

    /** The per-contig record counts of the pseudo-bins, "ref N: count" lines, for messages. */
    public static long totalRecords(Path index) throws IOException {
        long total = 0;
        for (String line : of(index).split("\n")) {
            int at = line.indexOf("count ");
            if (at >= 0) {
                total += Long.parseLong(line.substring(at + 6, line.indexOf('/', at)));
            }
        }
        return total;
    }
}
