package org.hapmatrix.gather;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.matrix.MatrixInput;

/** A part's header as read from its start: its layout, and the header's bytes as the part has them. */
record PartHeader(String part, PartLayout layout, byte[] bytes) {
    /** A header longer than this is not one hapmatrix wrote (5,000 pairs take ~100 KB). */
    private static final int MAX_HEADER_BYTES = 64 << 20;

    /** Reads the header of {@code part} (plain or gzip); a part that is not a hapmatrix output is an error. */
    static PartHeader read(String part) {
        try (MatrixInput input = MatrixInput.open(part)) {
            return read(part, input.stream());
        }
    }

    /** Reads the header from {@code in}, leaving it positioned at the first record. */
    static PartHeader read(String part, InputStream in) {
        byte[] line = firstLine(part, in);
        int end = line.length;
        if (end > 0 && line[end - 1] == '\n') {
            end--;
        }
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        PartLayout layout = PartLayout.recognise(text).orElseThrow(() -> HapmatrixException.at(part, 1,
                "not a hapmatrix output (its first line is not the header of a haplotype table, phase-Extender table or VCF)"));
        return new PartHeader(part, layout, line);
    }

    private static byte[] firstLine(String part, InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
                if (line.size() > MAX_HEADER_BYTES) {
                    throw HapmatrixException.at(part, 1, "not a hapmatrix output (first line longer than 64 MiB)");
                }
            }
        } catch (EOFException e) {
            throw HapmatrixException.at(part, 1, "gzip data is truncated");
        } catch (IOException e) {
            throw new HapmatrixException(part + ": cannot read: " + e.getMessage(), e);
        }
        if (line.size() == 0) {
            throw HapmatrixException.at(part, 1, "not a hapmatrix output (empty file)");
        }
        return line.toByteArray();
    }

    boolean sameAs(PartHeader other) {
        return layout == other.layout && Arrays.equals(bytes, other.bytes);
    }
}
