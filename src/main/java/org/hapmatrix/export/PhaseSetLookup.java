package org.hapmatrix.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.DuckDbErrors;
import org.hapmatrix.store.MatrixDatabase;
import org.hapmatrix.store.SqlTemplate;

/**
 * The phase sets of a database loaded from a VCF/BCF with phase sets ({@code phase_sets}), per
 * work unit and exported pair: a pair of the two haplotype columns of VCF sample S has S's phase
 * sets; any other pair (columns of two samples) has none, so its PI stays the contig. A database
 * without the table (every genome matrix) has no lookup and pays one catalog query per export.
 */
final class PhaseSetLookup {
    private final int pairCount;
    /** Export pair indices by their two columns, "sample_a TAB sample_b". */
    private final Map<String, List<Integer>> pairsByColumns;

    private PhaseSetLookup(int pairCount, Map<String, List<Integer>> pairsByColumns) {
        this.pairCount = pairCount;
        this.pairsByColumns = pairsByColumns;
    }

    /** The lookup for {@code pairs}, or null when the database has no phase sets. */
    static PhaseSetLookup of(MatrixDatabase database, List<SamplePair> pairs) {
        try (Connection connection = database.newConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(SqlTemplate.statement("export/has_phase_sets"))) {
            if (!result.next() || !result.getBoolean(1)) {
                return null;
            }
        } catch (SQLException e) {
            throw new HapmatrixException(database.name() + ": reading the catalog failed: " + DuckDbErrors.oneLine(e), e);
        }
        Map<String, List<Integer>> byColumns = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            byColumns.computeIfAbsent(pairs.get(i).sampleA() + "\t" + pairs.get(i).sampleB(), k -> new ArrayList<>()).add(i);
        }
        return new PhaseSetLookup(pairs.size(), byColumns);
    }

    /** The unit's phase sets: site (rowid) to each exported pair's value, -1 for none. */
    Map<Long, long[]> forUnit(Connection connection, WorkUnit unit) throws SQLException {
        Map<Long, long[]> bySite = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SqlTemplate.statement("export/select_phase_sets"))) {
            statement.setLong(1, unit.firstRow());
            statement.setLong(2, unit.lastRow());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    List<Integer> exported = pairsByColumns.get(result.getString(3) + "\t" + result.getString(4));
                    if (exported == null) {
                        continue;
                    }
                    long[] values = bySite.computeIfAbsent(result.getLong(1), site -> {
                        long[] none = new long[pairCount];
                        Arrays.fill(none, -1);
                        return none;
                    });
                    for (int pair : exported) {
                        values[pair] = result.getLong(2);
                    }
                }
            }
        }
        return bySite;
    }
}
