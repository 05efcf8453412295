package org.hapmatrix.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.ContigInfo;
import org.hapmatrix.store.DuckDbErrors;
import org.hapmatrix.store.MatrixDatabase;
import org.hapmatrix.store.SqlTemplate;

/**
 * {@code --gaps deletion}: moves a work unit's start inside a contig past any run of gaps it would
 * cut (and past the run's first row, which its anchor before it must meet in the same unit), so
 * that each unit's formatter sees whole runs and the output does not depend on the units or the
 * threads. Looks {@value #WINDOW_ROWS} rows ahead per query, further while a run goes on.
 */
final class GapRunBoundaries implements WorkUnit.Starts {
    static final long WINDOW_ROWS = 4096;

    private final MatrixDatabase database;
    private final String sql;

    private GapRunBoundaries(MatrixDatabase database, String sql) {
        this.database = database;
        this.sql = sql;
    }

    static GapRunBoundaries of(MatrixDatabase database, List<SamplePair> pairs) {
        Set<String> samples = new LinkedHashSet<>();
        for (SamplePair pair : pairs) {
            samples.add(SqlTemplate.quote(pair.sampleA()));
            samples.add(SqlTemplate.quote(pair.sampleB()));
        }
        return new GapRunBoundaries(database, SqlTemplate.named("export/gap_run_free_row")
                .render(Map.of("pair_samples", SqlTemplate.list(List.copyOf(samples)))));
    }

    @Override
    public long firstFrom(ContigInfo contig, long row) {
        try (Connection connection = database.newConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (long from = row; from <= contig.lastRow(); from += WINDOW_ROWS) {
                statement.setLong(1, from - 1);
                statement.setLong(2, Math.min(contig.lastRow(), from + WINDOW_ROWS - 1));
                statement.setLong(3, from);
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next()) {
                        long free = result.getLong(1);
                        if (!result.wasNull()) {
                            return free;
                        }
                    }
                }
            }
            return contig.lastRow() + 1;
        } catch (SQLException e) {
            throw new HapmatrixException(database.name() + ": export query failed: " + DuckDbErrors.oneLine(e), e);
        }
    }
}
