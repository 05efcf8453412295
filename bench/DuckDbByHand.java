import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs bench/duckdb-by-hand.sql through DuckDB itself (the JDBC driver's embedded engine; no
 * hapmatrix code), for bench/run.sh's "DuckDB by hand" peer:
 *
 * <pre>
 *   java -cp duckdb_jdbc.jar:. DuckDbByHand SQL_FILE MATRIX HEADER OUT
 * </pre>
 * Fills the file's placeholders from HEADER (a one-line column-name file): {{matrix}} and
 * {{output}} as string literals, {{columns}} the read_csv column struct (contig VARCHAR, pos
 * BIGINT, REF and the samples as the ENUM allele), {{samples}} the sample columns, and
 * {{pair_columns}} per default pair (a/b naming rule, byte order) its _PI and _PG_al columns.
 * Statements end with a semicolon at the end of a line.
 */
public final class DuckDbByHand {
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: DuckDbByHand SQL_FILE MATRIX HEADER OUT");
            System.exit(2);
        }
        String[] names = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).lines().findFirst()
                .orElseThrow().split("\t", -1);
        List<String> samples = Arrays.asList(names).subList(3, names.length);
        StringBuilder columns = new StringBuilder("{'contig': 'VARCHAR', 'pos': 'BIGINT', 'ref': 'allele'");
        List<String> sampleColumns = new ArrayList<>();
        for (String s : samples) {
            columns.append(", ").append(literal(s)).append(": 'allele'");
            sampleColumns.add(identifier(s));
        }
        columns.append('}');
        List<String> pairColumns = new ArrayList<>();
        for (String[] pair : pairsByNamingRule(samples)) {
            String a = identifier(pair[1]);
            String b = identifier(pair[2]);
            pairColumns.add("contig AS " + identifier(pair[0] + "_PI"));
            pairColumns.add("concat(CASE WHEN " + a + " IN ('N', '-') THEN ref ELSE " + a + " END, '|', "
                    + "CASE WHEN " + b + " IN ('N', '-') THEN ref ELSE " + b + " END) AS " + identifier(pair[0] + "_PG_al"));
        }
        String sql = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)
                .replace("{{matrix}}", literal(Path.of(args[1]).toAbsolutePath().toString()))
                .replace("{{output}}", literal(Path.of(args[3]).toAbsolutePath().toString()))
                .replace("{{columns}}", columns)
                .replace("{{samples}}", String.join(", ", sampleColumns))
                .replace("{{pair_columns}}", String.join(",\n           ", pairColumns));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            for (String one : sql.split(";\\s*(\\n|$)")) {
                if (!one.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
                    statement.execute(one);
                }
            }
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String identifier(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The a/b naming rule: {@code 10a} + {@code 10b} -> pair {@code 10a10b}, pairs in byte order of the name. */
    private static List<String[]> pairsByNamingRule(List<String> samples) {
        Set<String> known = new HashSet<>(samples);
        List<String[]> pairs = new ArrayList<>();
        for (String s : samples) {
            if (s.endsWith("a") && known.contains(s.substring(0, s.length() - 1) + "b")) {
                pairs.add(new String[] {s + s.substring(0, s.length() - 1) + "b", s, s.substring(0, s.length() - 1) + "b"});
            }
        }
        pairs.sort((x, y) -> Arrays.compareUnsigned(x[0].getBytes(StandardCharsets.UTF_8), y[0].getBytes(StandardCharsets.UTF_8)));
        return pairs;
    }
}
