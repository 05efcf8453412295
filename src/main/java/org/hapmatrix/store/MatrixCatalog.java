package org.hapmatrix.store;

import java.util.List;
import org.hapmatrix.matrix.SamplePair;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * What a loaded database holds, read from its catalog tables: samples, default pairs, contigs,
 * alleles and how it was loaded. Records are mapped by Jdbi's {@link ConstructorMapper}: a
 * statement's column names are the record's component names in snake case.
 */
public record MatrixCatalog(List<String> samples, List<SamplePair> defaultPairs, List<ContigInfo> contigs,
                            List<String> alleles, LoadInfo loadInfo) {

    public static MatrixCatalog read(MatrixDatabase database) {
        try (Handle handle = database.open()) {
            // A pair read back has no origin in a pairs file: the three-name constructor, not Jdbi's pick.
            handle.registerRowMapper(SamplePair.class,
                    (rs, ctx) -> new SamplePair(rs.getString("name"), rs.getString("sample_a"), rs.getString("sample_b")));
            handle.registerRowMapper(ConstructorMapper.factory(ContigInfo.class));
            handle.registerRowMapper(ConstructorMapper.factory(LoadInfo.class));
            return new MatrixCatalog(
                    handle.createQuery(SqlTemplate.statement("catalog/select_samples")).mapTo(String.class).list(),
                    handle.createQuery(SqlTemplate.statement("catalog/select_pairs")).mapTo(SamplePair.class).list(),
                    handle.createQuery(SqlTemplate.statement("catalog/select_contigs")).mapTo(ContigInfo.class).list(),
                    handle.createQuery(SqlTemplate.statement("catalog/select_alleles")).mapTo(String.class).list(),
                    handle.createQuery(SqlTemplate.statement("catalog/select_load_info")).mapTo(LoadInfo.class).one());
        } catch (JdbiException e) {
            throw database.unreadable(e);
        }
    }
}
