package org.hapmatrix.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.InputCodec;
import org.hapmatrix.format.VcfContigs;
import org.hapmatrix.io.Compression;
import org.hapmatrix.io.ContigLineStream;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.io.TabixMatrixIndex;

/**
 * A matrix's contig names in order of first appearance, the scatter's list: from the tabix
 * index when the file has one (no data read), else by a scan of the first column.
 */
public final class MatrixContigs {
    private MatrixContigs() {
    }

    /** Hands each contig name to {@code sink} in order of first appearance; {@code headerGiven}: the file has no header line. */
    public static void list(String path, boolean headerGiven, Consumer<String> sink) {
        if (!headerGiven) {
            InputCodec codec = Codecs.inputFor(path);
            if (VcfContigs.handles(codec)) {
                VcfContigs.list(path, codec, sink);
                return;
            }
        }
        Optional<TabixMatrixIndex> index = TabixMatrixIndex.find(path, headerGiven);
        if (index.isPresent()) {
            index.get().requireEveryLineIndexed(headerGiven);
            index.get().contigs().forEach(sink);
            return;
        }
        scan(path, headerGiven, sink);
    }

    /** The whole list at once (tests, small matrices). */
    public static List<String> list(String path, boolean headerGiven) {
        Set<String> names = new LinkedHashSet<>();
        list(path, headerGiven, names::add);
        return List.copyOf(names);
    }

    private static void scan(String path, boolean headerGiven, Consumer<String> sink) {
        long lineNumber = 0;
        try (MatrixInput input = MatrixInput.open(path)) {
            ContigLineStream lines = new ContigLineStream(input.stream());
            if (!headerGiven && lines.next()) {
                lineNumber++;
            }
            Set<String> seen = new HashSet<>();
            byte[] last = null;
            while (lines.next()) {
                lineNumber++;
                if (lines.isBlank() || (last != null && lines.hasContig(last))) {
                    continue; // most lines continue the contig of the line before
                }
                long number = lineNumber;
                String contig = lines.strictContig().orElseThrow(
                        () -> HapmatrixException.at(input.name(), number, "contig value is not valid UTF-8"));
                last = contig.getBytes(StandardCharsets.UTF_8);
                if (seen.add(contig)) {
                    sink.accept(contig);
                }
            }
        } catch (IOException e) {
            throw HapmatrixException.at(path, lineNumber + 1, Compression.readFailureMessage(e));
        }
    }
}
