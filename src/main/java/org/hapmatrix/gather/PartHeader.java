package org.hapmatrix.gather;

import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.HapmatrixException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.HapmatrixException;

/** A part's header as read from its start: its layout and its header lines, as the part has them (line ends included). */
public record PartHeader(String part, PartLayout layout, List<String> lines) {
    /** A header longer than this is not one hapmatrix wrote (5,000 pairs take ~100 KB; a VCF lists one line per contig). */
    private static final int MAX_HEADER_BYTES = 256 << 20;
    private static final String CONTIG_LINE = "##contig=";
    private static final String COMMAND_LINE = "##hapmatrix_command=";
    private static final String SOURCE_LINE = "##source=hapmatrix";

    /** Reads the header of {@code part} (plain or gzip); a part that is not a hapmatrix output is an error. */
    public static PartHeader read(String part) {
        try (MatrixInput input = MatrixInput.open(part)) {
            return read(part, input.stream());
        }
    }

    /** Reads the header from {@code in}, leaving it positioned at the first record. */
    public static PartHeader read(String part, InputStream in) {
        List<String> lines = new ArrayList<>();
        long[] bytes = {0};
        String first = line(part, in, bytes);
        if (first == null) {
            throw HapmatrixException.at(part, 1, "not a hapmatrix output (empty file)");
        }
        lines.add(first);
        PartLayout layout = PartLayout.recognise(withoutLineEnd(first)).orElseThrow(() -> HapmatrixException.at(part, 1,
                "not a hapmatrix output (its first line is not the header of a haplotype table, phase-Extender table or VCF)"));
        if (layout == PartLayout.VCF) {
            String line = first;
            while (!line.startsWith("#CHROM")) {
                line = line(part, in, bytes);
                if (line == null || !line.startsWith("#")) {
                    throw HapmatrixException.at(part, lines.size() + 1, "not a hapmatrix output (a VCF header without its #CHROM line)");
                }
                lines.add(line);
            }
            if (lines.stream().noneMatch(l -> l.startsWith(SOURCE_LINE))) {
                throw HapmatrixException.at(part, 1, "not a hapmatrix output (a VCF without ##source=hapmatrix)");
            }
        }
        return new PartHeader(part, layout, List.copyOf(lines));
    }

    /** The next line with its end, or null at the end of the part. */
    private static String line(String part, InputStream in, long[] bytesSoFar) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
        } catch (EOFException e) {
            throw HapmatrixException.at(part, 1, "gzip data is truncated");
        } catch (IOException e) {
            throw new HapmatrixException(part + ": cannot read: " + e.getMessage(), e);
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

    /** The lines that must be equal in every part: all of them, but for a VCF's contig and command lines. */
    List<String> comparedLines() {
        if (layout != PartLayout.VCF) {
            return lines;
        }
        return lines.stream().filter(l -> !l.startsWith(CONTIG_LINE) && !l.startsWith(COMMAND_LINE)).toList();
    }

    public boolean sameAs(PartHeader other) {
        return layout == other.layout && comparedLines().equals(other.comparedLines());
    }

    /**
     * The gathered file's header: this (the first part's) header, for a VCF with the contig lines
     * of all {@code parts} in their order at the place of this part's.
     */
    public byte[] gathered(List<PartHeader> parts) {
        if (layout != PartLayout.VCF) {
            return String.join("", lines).getBytes(StandardCharsets.UTF_8);
        }
        List<String> contigs = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (PartHeader part : parts) {
            part.lines.stream().filter(l -> l.startsWith(CONTIG_LINE) && seen.add(l)).forEach(contigs::add);
        }
        StringBuilder header = new StringBuilder();
        boolean contigsWritten = false;
        for (String line : lines) {
            if (line.startsWith(CONTIG_LINE) || (!contigsWritten && line.startsWith("#CHROM"))) {
                if (!contigsWritten) {
                    contigs.forEach(header::append);
                    contigsWritten = true;
                }
                if (line.startsWith(CONTIG_LINE)) {
                    continue;
                }
            }
            header.append(line);
        }
        return header.toString().getBytes(StandardCharsets.UTF_8);
    }
}
