package org.hapmatrix.format;

import java.io.OutputStream;
import java.util.List;

/**
 * The original program's haplotype table ({@code --format tsv}, and any output name that no other
 * format claims): {@code contig pos ref alt <pair>_PI <pair>_PG_al ...}.
 */
public final class TableCodec extends PairColumnsCodec {
    public static final TableCodec INSTANCE = new TableCodec();

    private TableCodec() {
        super("tsv", "haplotype table", List.of(), MissingAlleles.ref, "contig\tpos\tref\talt", "_");
    }

    @Override
    public SiteFormatter formatter(SiteFormatter.Context context, OutputStream out, BgzfPart index) {
        return new TsvSiteFormatter(context, out, index);
    }
}
