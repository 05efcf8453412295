package org.hapmatrix.gather;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.format.BcfCodec;
import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.OutputCodec;
import org.hapmatrix.format.VcfCodec;
import org.hapmatrix.io.Compression;
import org.hapmatrix.io.MatrixInput;

/** A part's header as read from its start: its layout and its header lines, as the part has them (line ends included). */
public record PartHeader(String part, OutputCodec layout, List<String> lines) {
    /** A header longer than this is not one hapmatrix wrote (5,000 pairs take ~100 KB; a VCF lists one line per contig). */
    private static final int MAX_HEADER_BYTES = 256 << 20;

    /** Reads the header of {@code part} (plain or gzip); a part that is not a hapmatrix output is an error. */
    public static PartHeader read(String part) {
        try (MatrixInput input = MatrixInput.open(part)) {
            return read(part, input.stream());
        }
    }

    /** Reads the header from {@code in}, leaving it positioned at the first record. */
    public static PartHeader read(String part, InputStream in) {
        byte[] head = start(part, in);
        if (BcfCodec.isMagic(head)) {
            return readBcf(part, in);
        }
        List<String> lines = new ArrayList<>();
        long[] bytes = {0};
        String first = line(part, in, bytes, head);
        if (first == null) {
            throw HapmatrixException.at(part, 1, "not a hapmatrix output (empty file)");
        }
        lines.add(first);
        OutputCodec layout = Codecs.outputWithHeader(withoutLineEnd(first)).orElseThrow(() -> HapmatrixException.at(part, 1,
                "not a hapmatrix output (its first line is not the header of a " + Codecs.outputDescriptions() + ")"));
        String line = first;
        while (layout.headerContinuesAfter(line)) {
            line = line(part, in, bytes, new byte[0]);
            if (line == null || !line.startsWith("#")) {
                throw HapmatrixException.at(part, lines.size() + 1, "not a hapmatrix output (a " + layout.description()
                        + " header without its last line)");
            }
            lines.add(line);
        }
        String notOurs = layout.notOurs(lines);
        if (notOurs != null) {
            throw HapmatrixException.at(part, 1, "not a hapmatrix output (" + notOurs + ")");
        }
        return new PartHeader(part, layout, List.copyOf(lines));
    }

    /** A failed read of the header: data cut short or damaged (a gzip or BGZF part), or the file itself unreadable. */
    private static HapmatrixException readFailure(String part, IOException e) {
        String damage = Compression.damageMessage(e);
        if (damage != null) {
            return HapmatrixException.at(part, 1, damage);
        }
        return new HapmatrixException(part + ": cannot read: " + e.getMessage(), e);
    }

    /** The part's first four bytes (fewer if it is shorter): a BCF's magic, or the start of its first line. */
    private static byte[] start(String part, InputStream in) {
        try {
            return in.readNBytes(4);
        } catch (IOException e) {
            throw readFailure(part, e);
        }
    }

    /** A BCF part's header (its magic read): the VCF header text it holds, which must be hapmatrix's. */
    private static PartHeader readBcf(String part, InputStream in) {
        List<String> lines;
        try {
            lines = BcfCodec.headerLines(part, in);
        } catch (EOFException e) {
            throw HapmatrixException.at(part, 1, "not a hapmatrix output (a BCF header cut short: truncated?)");
        } catch (IOException e) {
            throw readFailure(part, e);
        }
        String notOurs = BcfCodec.INSTANCE.notOurs(lines);
        if (lines.isEmpty() || !VcfCodec.INSTANCE.recognisesHeader(lines.get(0)) || notOurs != null) {
            throw HapmatrixException.at(part, 1, "not a hapmatrix output (" + (notOurs != null ? "a BCF without ##source=hapmatrix"
                    : "a BCF without a VCF header") + ")");
        }
        return new PartHeader(part, BcfCodec.INSTANCE, List.copyOf(lines));
    }

    /** The next line with its end, or null at the end of the part; {@code start}: its first bytes, already read. */
    private static String line(String part, InputStream in, long[] bytesSoFar, byte[] start) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int newline = -1;
        for (int i = 0; i < start.length && newline < 0; i++) {
            if (start[i] == '\n') {
                newline = i;
            }
        }
        line.write(start, 0, newline < 0 ? start.length : newline + 1);
        try {
            int b;
            while (newline < 0 && (b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
        } catch (IOException e) {
            throw readFailure(part, e);
        }
        bytesSoFar[0] += line.size();
        if (bytesSoFar[0] > MAX_HEADER_BYTES) {
            throw HapmatrixException.at(part, 1, "not a hapmatrix output (header longer than 256 MiB)");
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private static String withoutLineEnd(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    public boolean sameAs(PartHeader other) {
        return layout == other.layout && layout.comparedHeaderLines(lines).equals(other.layout.comparedHeaderLines(other.lines));
    }

    /** The gathered file's header: this (the first part's) header joined with what every part's adds (a VCF's contig lines). */
    public byte[] gathered(List<PartHeader> parts) {
        return layout.gatheredHeader(lines, parts.stream().map(PartHeader::lines).toList());
    }
}
