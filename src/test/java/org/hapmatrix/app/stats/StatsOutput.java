package org.hapmatrix.app.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads {@code stats} output back: each section's lines without the section name, from TSV or JSON. */
final class StatsOutput {
    static final List<String> SECTIONS = List.of("SN", "SAMPLE", "PAIR", "CONTIG", "ALT_ALLELES", "AC", "WINDOW");
    private static final Map<String, String> JSON_NAMES = Map.of("summary", "SN", "samples", "SAMPLE", "pairs", "PAIR",
            "contigs", "CONTIG", "alt_alleles", "ALT_ALLELES", "ac", "AC", "windows", "WINDOW");

    private StatsOutput() {
    }

    /** Sections by name; every section must have its {@code # NAME [2]...} header line. */
    static Map<String, List<String>> fromTsv(String text) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# ") && line.contains("\t[2]")) {
                sections.put(line.substring(2, line.indexOf('\t')), new ArrayList<>());
            } else if (!line.startsWith("#") && !line.isEmpty()) {
                String name = line.substring(0, line.indexOf('\t'));
                List<String> lines = sections.get(name);
                if (lines == null) {
                    throw new AssertionError("a line of section " + name + " before its header: " + line);
                }
                lines.add(line.substring(name.length() + 1));
            }
        }
        return sections;
    }

    /** The same shape from --format json: fields in order, tab-joined; shares with six decimals as in TSV. */
    static Map<String, List<String>> fromJson(String text) throws IOException {
        JsonNode root = new ObjectMapper().readTree(text);
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = JSON_NAMES.get(field.getKey());
            if (name == null) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            if (field.getValue().isObject()) {
                field.getValue().fields().forEachRemaining(e -> lines.add(e.getKey() + "\t" + value(e.getValue())));
            } else {
                for (JsonNode row : field.getValue()) {
                    List<String> values = new ArrayList<>();
                    row.elements().forEachRemaining(v -> values.add(value(v)));
                    lines.add(String.join("\t", values));
                }
            }
            sections.put(name, lines);
        }
        return sections;
    }

    private static String value(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return String.format(Locale.ROOT, "%.6f", node.doubleValue());
        }
        return node.asText();
    }
}
