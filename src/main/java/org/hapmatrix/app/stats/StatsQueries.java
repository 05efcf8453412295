package org.hapmatrix.app.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hapmatrix.export.ExportPlan;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.ContigInfo;
import org.hapmatrix.store.MatrixDatabase;
import org.hapmatrix.store.SqlTemplate;
import org.hapmatrix.util.PhaseTimer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Runs the statements of {@code sql/stats/} on one connection: two passes over the matrix into
 * temporary tables (site classes; pair windows), one for the samples, then one small query per
 * section. Java only renders fragments with quoted identifiers; names and codes are bound.
 */
final class StatsQueries {
    /** Bit masks of the ALT alleles hold the ENUM codes 0..63. */
    private static final int MAX_BIT_ALPHABET = 64;
    /**
     * Beyond this many samples in one statement, lists instead of one expression or struct per
     * sample: 2,000 samples planned in 27 s as separate terms and in under a second as lists,
     * while at 31 samples the separate terms run about twice as fast as lists over 4M sites.
     */
    private static final int MAX_SEPARATE_TERMS = 256;
    private static final String MISSING = "N";
    private static final String GAP = "-";

    private final MatrixDatabase database;
    private final List<String> alleles;
    private final ExportPlan plan;
    private final List<String> samples;
    private final long windowSize;

    /** {@code samples}: the SAMPLE section's samples, in column order. */
    StatsQueries(MatrixDatabase database, List<String> alleles, ExportPlan plan, List<String> samples, long windowSize) {
        this.database = database;
        this.alleles = alleles;
        this.plan = plan;
        this.samples = samples;
        this.windowSize = windowSize;
    }

    StatsFigures run(boolean allContigs) {
        try (Handle handle = database.open()) {
            // Each statement binds the parameters its fragments use; the rest are harmless.
            handle.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
            long start = System.nanoTime();
            List<StatsFigures.SampleRow> sampleRows = samples.isEmpty() ? List.of() : sampleRows(handle, allContigs);
            PhaseTimer.done("stats: samples", start);
            start = System.nanoTime();
            bindCommon(handle.createUpdate(siteClassesStatement()), allContigs).execute();
            PhaseTimer.done("stats: site classes", start);
            List<StatsFigures.ContigRow> contigRows = handle.createQuery(SqlTemplate.statement("stats/contigs"))
                    .map((rs, ctx) -> new StatsFigures.ContigRow(rs.getString("contig"), rs.getLong("sites"),
                            rs.getLong("alt_sites"), rs.getLong("multiallelic_sites"), rs.getLong("first_pos"),
                            rs.getLong("last_pos"))).list();
            List<StatsFigures.CountRow> altAlleles = counts(handle, "stats/alt_alleles", "alt_alleles");
            List<StatsFigures.CountRow> altCopies = counts(handle, "stats/alt_copies", "alt_copies");
            List<StatsFigures.PairRow> pairRows = new ArrayList<>();
            List<StatsFigures.WindowRow> windowRows = new ArrayList<>();
            if (!plan.pairs().isEmpty()) {
                start = System.nanoTime();
                bindCommon(handle.createUpdate(pairWindowsStatement()), allContigs)
                        .bindArray("pair_names", String.class, plan.pairs().stream().map(SamplePair::name).toList())
                        .bind("window", windowSize)
                        .bind("pairs", plan.pairs().size()).execute();
                PhaseTimer.done("stats: pair windows", start);
                pairRows.addAll(pairRows(handle));
                windowRows.addAll(handle.createQuery(SqlTemplate.statement("stats/windows"))
                        .map((rs, ctx) -> new StatsFigures.WindowRow(rs.getString("pair"), rs.getString("contig"),
                                rs.getLong("window_start"), rs.getLong("sites"), rs.getLong("missing"),
                                rs.getLong("differ"))).list());
            }
            long sites = contigRows.stream().mapToLong(StatsFigures.ContigRow::sites).sum();
            long altSites = contigRows.stream().mapToLong(StatsFigures.ContigRow::altSites).sum();
            long multiallelic = contigRows.stream().mapToLong(StatsFigures.ContigRow::multiallelicSites).sum();
            var summary = new StatsFigures.Summary(sites, altSites, multiallelic, plan.contigs().size(), samples.size(),
                    plan.pairs().size());
            return new StatsFigures(summary, sampleRows, pairRows, contigRows, altAlleles, altCopies,
                    windowRows, windowSize);
        } catch (JdbiException e) {
            throw database.unreadable(e);
        }
    }

    private <T extends SqlStatement<T>> T bindCommon(T statement, boolean allContigs) {
        return statement.bind("all_contigs", allContigs)
                .bindArray("contigs", String.class, allContigs ? List.of()
                        : plan.contigs().stream().map(ContigInfo::name).toList())
                .bind("n_code", alleles.indexOf(MISSING))
                .bind("gap_code", alleles.indexOf(GAP))
                .bind("n_shift", alleles.contains(MISSING) && alleles.size() <= MAX_BIT_ALPHABET
                        ? alleles.indexOf(MISSING) : Long.SIZE);
    }

    private List<StatsFigures.SampleRow> sampleRows(Handle handle, boolean allContigs) {
        String sql;
        if (samples.size() > MAX_SEPARATE_TERMS) {
            sql = SqlTemplate.named("stats/samples_long").render(Map.of("sample_columns",
                    SqlTemplate.list(samples.stream().map(SqlTemplate::quote).toList()), "selected", selected()));
        } else {
            SqlTemplate fragment = SqlTemplate.named("stats/samples.sample");
            List<String> columns = samples.stream()
                    .map(sample -> fragment.render(Map.of("sample", SqlTemplate.quote(sample)))).toList();
            sql = SqlTemplate.named("stats/samples").render(Map.of(
                    "sample_counts", SqlTemplate.list(columns), "selected", selected()));
        }
        Map<String, StatsFigures.SampleRow> bySample = new LinkedHashMap<>();
        bindCommon(handle.createQuery(sql), allContigs).map((rs, ctx) -> new StatsFigures.SampleRow(rs.getString("sample"), rs.getLong("sites"),
                        rs.getLong("calls"), rs.getLong("missing"), rs.getLong("gaps")))
                .forEach(row -> bySample.put(row.sample(), row));
        // UNPIVOT promises no row order: the section follows the matrix's column order.
        return samples.stream().map(bySample::get).toList();
    }

    private List<StatsFigures.PairRow> pairRows(Handle handle) {
        Map<String, long[]> byPair = new LinkedHashMap<>();
        handle.createQuery(SqlTemplate.statement("stats/pairs"))
                .map((rs, ctx) -> Map.entry(rs.getString("pair"),
                        new long[] {rs.getLong("sites"), rs.getLong("missing"), rs.getLong("differ")}))
                .forEach(entry -> byPair.put(entry.getKey(), entry.getValue()));
        List<StatsFigures.PairRow> rows = new ArrayList<>();
        for (SamplePair pair : plan.pairs()) {
            long[] counts = byPair.getOrDefault(pair.name(), new long[3]); // no site with an ALT: zeros
            rows.add(new StatsFigures.PairRow(pair.name(), pair.sampleA(), pair.sampleB(), counts[0], counts[1], counts[2]));
        }
        return rows;
    }

    private static List<StatsFigures.CountRow> counts(Handle handle, String statement, String column) {
        return handle.createQuery(SqlTemplate.statement(statement))
                .map((rs, ctx) -> new StatsFigures.CountRow(rs.getLong(column), rs.getLong("sites"))).list();
    }

    private String siteClassesStatement() {
        return SqlTemplate.named("stats/create_site_classes").render(Map.of(
                "alt_alleles", altAlleles(),
                "alt_copies", altCopies(),
                "selected", selected()));
    }

    private String pairWindowsStatement() {
        List<SamplePair> selectedPairs = plan.pairs();
        if (2 * selectedPairs.size() > MAX_SEPARATE_TERMS) {
            return SqlTemplate.named("stats/create_pair_windows_long").render(Map.of(
                    "a_codes", codes(selectedPairs.stream().map(SamplePair::sampleA).toList()),
                    "b_codes", codes(selectedPairs.stream().map(SamplePair::sampleB).toList()),
                    "written", altAlleles(),
                    "selected", selected()));
        }
        SqlTemplate fragment = SqlTemplate.named("stats/pair_windows.pair");
        List<String> columns = new ArrayList<>();
        List<SamplePair> pairs = plan.pairs();
        for (int i = 0; i < pairs.size(); i++) {
            columns.add(fragment.render(Map.of(
                    "pair_column", SqlTemplate.quote("pair_" + (i + 1)),
                    "sample_a", SqlTemplate.quote(pairs.get(i).sampleA()),
                    "sample_b", SqlTemplate.quote(pairs.get(i).sampleB()))));
        }
        return SqlTemplate.named("stats/create_pair_windows").render(Map.of(
                "pair_counts", SqlTemplate.list(columns),
                "written", altAlleles(),
                "selected", selected()));
    }

    private static String selected() {
        return SqlTemplate.statement("stats/selected_site");
    }

    private String altAlleles() {
        List<String> quoted = plan.altSamples().stream().map(SqlTemplate::quote).toList();
        if (alleles.size() > MAX_BIT_ALPHABET) {
            return SqlTemplate.named("stats/site_classes.alt_list").render(Map.of("alt_samples", SqlTemplate.list(quoted)));
        }
        if (quoted.size() > MAX_SEPARATE_TERMS) {
            return SqlTemplate.named("stats/site_classes.alt_bits_list").render(Map.of("alt_codes",
                    codes(plan.altSamples())));
        }
        SqlTemplate bit = SqlTemplate.named("stats/site_classes.allele_bit");
        List<String> bits = quoted.stream().map(sample -> bit.render(Map.of("sample", sample))).toList();
        return SqlTemplate.named("stats/site_classes.alt_bits").render(Map.of("alt_bits", balanced(bits, "stats/bit_or")));
    }

    private String altCopies() {
        if (plan.pairs().isEmpty()) {
            return SqlTemplate.statement("stats/site_classes.no_pairs");
        }
        if (2 * plan.pairs().size() > MAX_SEPARATE_TERMS) {
            List<String> haplotypes = new ArrayList<>();
            plan.pairs().forEach(pair -> {
                haplotypes.add(pair.sampleA());
                haplotypes.add(pair.sampleB());
            });
            return SqlTemplate.named("stats/site_classes.alt_copies_list").render(Map.of("pair_codes", codes(haplotypes)));
        }
        SqlTemplate copy = SqlTemplate.named("stats/site_classes.alt_copy");
        List<String> terms = new ArrayList<>();
        for (SamplePair pair : plan.pairs()) {
            terms.add(copy.render(Map.of("sample", SqlTemplate.quote(pair.sampleA()))));
            terms.add(copy.render(Map.of("sample", SqlTemplate.quote(pair.sampleB()))));
        }
        return balanced(terms, "stats/sum");
    }

    /** The samples' ENUM codes as list entries, in order. */
    private static String codes(List<String> samples) {
        SqlTemplate code = SqlTemplate.named("stats/site_classes.code");
        return SqlTemplate.list(samples.stream().map(sample -> code.render(Map.of("sample", SqlTemplate.quote(sample))))
                .toList());
    }

    /** Joins rendered terms two by two with the binary template {@code name}, a tree log2(n) deep. */
    private static String balanced(List<String> terms, String name) {
        SqlTemplate join = SqlTemplate.named(name);
        List<String> level = terms;
        while (level.size() > 1) {
            List<String> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(join.render(Map.of("left", level.get(i), "right", level.get(i + 1))));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }
}
