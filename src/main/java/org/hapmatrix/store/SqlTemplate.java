package org.hapmatrix.store;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * SQL statements from {@code sql/NAME.sql} on the classpath. A statement may hold
 * {@code {{placeholder}}}s, filled only with quoted identifiers or with fragments rendered
 * from other sql/ files, so no data value ever becomes SQL text.
 */
public final class SqlTemplate {
    private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.removingComments();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final String name;
    private final String text;

    private SqlTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Loads {@code sql/NAME.sql}. */
    public static SqlTemplate named(String name) {
        return new SqlTemplate(name, LOCATOR.getResource("sql/" + name + ".sql").strip());
    }

    /** The statement as written, for statements without placeholders. */
    public static String statement(String name) {
        return named(name).render(Map.of());
    }

    /** Quotes a name as a DuckDB identifier: any string, including quotes, stays one identifier. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Joins already-rendered pieces (quoted identifiers or rendered fragments) with commas. */
    public static String list(List<String> rendered) {
        return String.join(", ", rendered);
    }

    /** Fills every placeholder; each value must be a quoted identifier, a list of them, or a rendered fragment. */
    public String render(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("sql/" + name + ".sql: no value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(sql, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(sql);
        return sql.toString();
    }
}
