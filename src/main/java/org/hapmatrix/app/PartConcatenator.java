package org.hapmatrix.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.format.BcfCodec;
import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.IndexKind;
import org.hapmatrix.format.OutputCodec;
import org.hapmatrix.format.VcfCodec;
import org.hapmatrix.gather.BcfPartWriter;
import org.hapmatrix.gather.IndexedVcfWriter;
import org.hapmatrix.gather.PartHeader;
import org.hapmatrix.io.Compression;
import org.hapmatrix.io.DataAndIndex;
import org.hapmatrix.io.FileExtensions;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.io.OutputTarget;

/**
 * The gather of a scatter: joins outputs hapmatrix wrote for groups of contigs into the one file a
 * single run would have written, in the order the parts are given. Every part is checked before
 * anything is written: each must be a hapmatrix output with the same header as the first (see
 * {@link OutputCodec#comparedHeaderLines} for what "the same" means for a VCF). The output follows the parts' layout:
 * a VCF named {@code .gz} is BGZF with a new tabix index beside it, as {@code convert} writes it.
 */
public final class PartConcatenator {
    private static final int COPY_BUFFER_BYTES = 1 << 16;

    private PartConcatenator() {
    }

    /** Joins {@code parts} into {@code output} (null or - for stdout); returns the number of records written. */
    public static long concat(List<String> parts, String output) {
        if (parts.isEmpty()) {
            throw HapmatrixException.usage("concat: no part given");
        }
        refuseOutputAmongParts(parts, output);
        refuseRepeatedParts(parts);
        List<PartHeader> headers = new ArrayList<>();
        for (String part : parts) {
            headers.add(PartHeader.read(part));
        }
        PartHeader first = headers.get(0);
        for (PartHeader header : headers) {
            if (!header.sameAs(first)) {
                throw HapmatrixException.at(header.part(), 1, "header differs from the first part's (" + first.part()
                        + (header.layout() == first.layout() ? "" : ": " + header.layout().description() + " vs "
                        + first.layout().description()) + "); parts must come from runs with the same options");
            }
        }
        Optional<OutputCodec> claimed = Codecs.outputClaiming(output);
        if (claimed.isPresent() && claimed.get() != first.layout()) {
            throw HapmatrixException.usage(output + ": a " + claimed.get().description() + " name, but the parts are "
                    + first.layout().description() + "s");
        }
        boolean indexedVcf = first.layout().indexedWhenCompressed() && FileExtensions.isCompressedName(output);
        byte[] header = first.gathered(headers);
        if (first.layout() == BcfCodec.INSTANCE) {
            return concatBcf(headers, header, output);
        }
        return indexedVcf ? concatIndexedVcf(parts, header, output) : concatPlain(parts, header, output);
    }

    /**
     * BCF parts into one BCF (BGZF whatever its name, as the export writes it), with its {@code .csi}
     * beside a file; committed after the data, so it is never older than it.
     */
    private static long concatBcf(List<PartHeader> parts, byte[] header, String output) {
        boolean toFile = output != null && !OutputTarget.STDOUT.equals(output);
        try (OutputTarget target = OutputTarget.open(output, false);
             OutputTarget indexTarget = toFile ? OutputTarget.open(IndexKind.csi.nameBeside(output), false) : null) {
            BcfPartWriter writer = new BcfPartWriter(target.stream(), gatheredLines(parts));
            long records = 0;
            try {
                writer.writeHeader(header);
                PartContigs contigs = new PartContigs();
                for (PartHeader part : parts) {
                    writer.startPart(part.part(), part.lines());
                    contigs.startPart(part.part());
                    try (MatrixInput input = MatrixInput.open(part.part())) {
                        InputStream in = input.stream();
                        PartHeader.read(part.part(), in);
                        records += writer.copyRecords(in, contigs::seen);
                    }
                }
                writer.finish(indexTarget == null ? null : indexTarget.stream());
            } catch (IOException e) {
                throw target.writeFailure(e);
            }
            DataAndIndex.commit(target, indexTarget, IndexBeside.indexesBeside(output)); // never new data beside an old index
            return records;
        }
    }

    /** The gathered header's text lines (its contig lines number the gathered file's contigs). */
    private static List<String> gatheredLines(List<PartHeader> parts) {
        byte[] text = VcfCodec.INSTANCE.gatheredHeader(parts.get(0).lines(), parts.stream().map(PartHeader::lines).toList());
        return new String(text, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }

    private static long concatPlain(List<String> parts, byte[] header, String output) {
        try (OutputTarget target = OutputTarget.open(output)) {
            OutputStream out = target.stream();
            long records = 0;
            try {
                out.write(header);
                PartContigs contigs = new PartContigs();
                for (String part : parts) {
                    contigs.startPart(part);
                    records += copyRecords(part, (buffer, offset, length) -> {
                        contigs.scan(buffer, offset, length);
                        out.write(buffer, offset, length);
                    });
                }
            } catch (IOException e) {
                throw target.writeFailure(e);
            }
            DataAndIndex.commit(target, null, IndexBeside.indexesBeside(output)); // an old index goes first
            return records;
        }
    }

    /** BGZF output and its index: the index is committed after the data, so it is never older than it. */
    private static long concatIndexedVcf(List<String> parts, byte[] header, String output) {
        try (OutputTarget target = OutputTarget.open(output, false);
             OutputTarget indexTarget = OutputTarget.open(FileExtensions.tabixIndexOf(output), false)) {
            IndexedVcfWriter writer = new IndexedVcfWriter(target.stream());
            long records = 0;
            try {
                writer.writeHeader(header);
                PartContigs contigs = new PartContigs();
                for (String part : parts) {
                    writer.startPart(part);
                    contigs.startPart(part);
                    records += copyRecords(part, (buffer, offset, length) -> {
                        contigs.scan(buffer, offset, length);
                        writer.writeRecords(buffer, offset, length);
                    });
                }
                writer.finish(indexTarget.stream());
            } catch (IOException e) {
                throw target.writeFailure(e);
            }
            DataAndIndex.commit(target, indexTarget, IndexBeside.indexesBeside(output));
            return records;
        }
    }

    private interface RecordSink {
        void write(byte[] buffer, int offset, int length) throws IOException;
    }

    /** Copies what follows the part's header; returns its number of lines. */
    private static long copyRecords(String part, RecordSink out) throws IOException {
        try (MatrixInput input = MatrixInput.open(part)) {
            InputStream in = input.stream();
            PartHeader.read(part, in);
            byte[] buffer = new byte[COPY_BUFFER_BYTES];
            long lines = 0;
            byte last = '\n';
            int n;
            while ((n = readPart(part, in, buffer)) > 0) {
                out.write(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
            if (last != '\n') {
                throw new HapmatrixException(part + ": not a hapmatrix output (its last line has no line end: truncated?)");
            }
            return lines;
        }
    }

    private static int readPart(String part, InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            String damage = Compression.damageMessage(e);
            throw new HapmatrixException(part + ": " + (damage != null ? damage : "cannot read: " + e.getMessage()), e);
        }
    }

    /** The same file twice (under any name) would duplicate its records. */
    private static void refuseRepeatedParts(List<String> parts) {
        java.util.Map<Object, String> seen = new java.util.HashMap<>();
        for (String part : parts) {
            Path path = Path.of(part);
            if (MatrixInput.STDIN.equals(part) || !Files.exists(path)) {
                continue; // reported when read
            }
            Object key;
            try {
                Object fileKey = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
                key = fileKey != null ? fileKey : path.toRealPath();
            } catch (IOException e) {
                continue; // reported when read
            }
            String earlier = seen.putIfAbsent(key, part);
            if (earlier != null) {
                throw HapmatrixException.usage(part + ": given twice" + (earlier.equals(part) ? "" : " (also as " + earlier + ")")
                        + "; each part is joined once");
            }
        }
    }

    private static void refuseOutputAmongParts(List<String> parts, String output) {
        Path target = OutputTarget.checkPath(output);
        if (target == null) {
            return;
        }
        for (String part : parts) {
            try {
                if (Files.exists(target) && Files.exists(Path.of(part)) && Files.isSameFile(target, Path.of(part))) {
                    throw HapmatrixException.usage(output + ": the output is also a part");
                }
            } catch (IOException e) {
                throw new HapmatrixException(part + ": cannot read: " + e.getMessage(), e);
            }
        }
        // Every layout's commit replaces or removes the indexes beside the output (OUT.tbi, OUT.csi).
        for (String part : parts) {
            if (!MatrixInput.STDIN.equals(part)) {
                OutputTarget.requireNotAnInputWithIndexes(output, Map.of("part", Path.of(part)));
            }
        }
    }
}
