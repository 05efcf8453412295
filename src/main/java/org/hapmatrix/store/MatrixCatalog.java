package org.hapmatrix.store;

import java.util.List;
import org.hapmatrix.matrix.SamplePair;
import org.jdbi.v3.core.Handle;

/** What a loaded database holds, read from its catalog tables: samples, default pairs, contigs, alleles. */
public record MatrixCatalog(List<String> samples, List<SamplePair> defaultPairs, List<ContigInfo> contigs,
                            List<String> alleles) {

    public static MatrixCatalog read(MatrixDatabase database) {
        try (Handle handle = database.open()) {
            List<String> samples = handle.createQuery(SqlTemplate.statement("select_samples"))
                    .mapTo(String.class).list();
            List<SamplePair> pairs = handle.createQuery(SqlTemplate.statement("select_pairs"))
                    .map((rs, ctx) -> new SamplePair(rs.getString("pair"), rs.getString("sample_a"),
                            rs.getString("sample_b")))
                    .list();
            List<ContigInfo> contigs = handle.createQuery(SqlTemplate.statement("select_contigs"))
                    .map((rs, ctx) -> new ContigInfo(rs.getString("contig"), rs.getInt("ordinal"),
                            rs.getLong("sites"), rs.getLong("first_pos"), rs.getLong("last_pos"),
                            rs.getLong("first_row"), rs.getLong("last_row")))
                    .list();
            List<String> alleles = handle.createQuery(SqlTemplate.statement("select_alleles"))
                    .mapTo(String.class).list();
            return new MatrixCatalog(samples, pairs, contigs, alleles);
        }
    }
}
