package org.hapmatrix.format;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.OpenedInput;
import org.hapmatrix.matrix.SiteBatch;
import org.hapmatrix.matrix.SiteBatchReader;

/**
 * A VCF's or BCF's contigs in file order for {@code contigs} (the scatter's list): from its
 * {@code .tbi}/{@code .csi} index when it has one (no record read), else by reading it.
 */
public final class VcfContigs {
    private VcfContigs() {
    }

    /** Whether {@code codec} is VCF or BCF, whose contigs this class lists. */
    public static boolean handles(InputCodec codec) {
        return codec == VcfCodec.INSTANCE || codec == BcfCodec.INSTANCE;
    }

    /** Hands each contig with records to {@code sink}, in file order. */
    public static void list(String path, InputCodec codec, Consumer<String> sink) {
        Optional<VcfIndex> index = VcfIndex.find(path, () -> BcfSiteReader.headerContigsOf(path));
        if (index.isPresent()) {
            index.get().contigs().forEach(sink);
            return;
        }
        try (OpenedInput input = codec.open(new InputCodec.Request(path, null, List.of(), false));
             SiteBatchReader reader = input.open()) {
            SiteBatch batch = new SiteBatch(4096, reader.header().sampleCount());
            int listed = 0;
            while (reader.fill(batch)) {
                for (; listed < reader.contigs().size(); listed++) {
                    sink.accept(reader.contigs().value(listed));
                }
            }
        }
    }

}
