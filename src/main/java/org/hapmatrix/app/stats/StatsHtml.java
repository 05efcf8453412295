package org.hapmatrix.app.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The report: one HTML file that opens offline. Its charts are drawn in the browser by Apache
 * ECharts, whose code (the WebJar's {@code echarts.min.js}, packaged in the jar) is embedded in the
 * file, and its data is one JSON document in a {@code <script type="application/json">}, reduced
 * to what the charts show: every sample, the largest contigs (the rest summed), heat maps for the
 * contigs with the most sites. Names reach the page only as JSON data set as text, never as HTML.
 */
final class StatsHtml {
    /** Bars of the contig chart; the other contigs make one more bar. */
    static final int CONTIG_BARS = 30;
    /** Contigs with a heat map of pair differences. */
    static final int HEATMAP_CONTIGS = 6;

    private static final String TEMPLATE = "/org/hapmatrix/app/stats/report.html";

    private StatsHtml() {
    }

    static void write(StatsFigures figures, Map<String, String> inputs, OutputStream out) throws IOException {
        String page = resource(TEMPLATE)
                .replace("/*ECHARTS*/", echarts())
                .replace("/*DATA*/", safeInScript(data(figures, inputs)));
        out.write(page.getBytes(StandardCharsets.UTF_8));
    }

    /** The charting library, from the WebJar packaged in the jar (its version from the build). */
    static String echarts() {
        Properties build = new Properties();
        try (InputStream in = StatsHtml.class.getResourceAsStream("/hapmatrix.properties")) {
            build.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("hapmatrix.properties missing from the build", e);
        }
        String version = build.getProperty("echarts.version");
        return resource("/META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js");
    }

    private static String resource(String name) {
        try (InputStream in = StatsHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON inside a script element: "</" and "<!--" could end or confuse it; "\/" and "\u003c" mean the same in JSON. */
    private static String safeInScript(String json) {
        return json.replace("</", "<\\/").replace("<!--", "\\u003c!--");
    }

    private static String data(StatsFigures f, Map<String, String> inputs) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.writeStartObject();
            StatsJsonFields.inputs(json, inputs);
            json.writeObjectFieldStart("summary");
            StatsJsonFields.summaryCounts(json, f.summary());
            json.writeEndObject();
            json.writeNumberField("window_size", f.windowSize());
            json.writeArrayFieldStart("samples"); // [sample, missing, gaps, sites]
            for (StatsFigures.SampleRow r : f.samples()) {
                json.writeStartArray();
                json.writeString(r.sample());
                json.writeNumber(r.missing());
                json.writeNumber(r.gaps());
                json.writeNumber(r.sites());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("pairs"); // [pair, sites, missing, differ]
            for (StatsFigures.PairRow r : f.pairs()) {
                json.writeStartArray();
                json.writeString(r.pair());
                json.writeNumber(r.sites());
                json.writeNumber(r.missing());
                json.writeNumber(r.differ());
                json.writeEndArray();
            }
            json.writeEndArray();
            counts(json, "alt_alleles", f.altAlleles());
            counts(json, "ac", f.altCopies());
            contigs(json, f.contigs());
            heatmaps(json, f);
            json.writeEndObject();
        }
        return text.toString();
    }

    private static void counts(JsonGenerator json, String name, List<StatsFigures.CountRow> rows) throws IOException {
        json.writeArrayFieldStart(name);
        for (StatsFigures.CountRow r : rows) {
            json.writeStartArray();
            json.writeNumber(r.count());
            json.writeNumber(r.sites());
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    /** All contigs in order when few; else the largest by sites, and the rest as one sum. */
    private static void contigs(JsonGenerator json, List<StatsFigures.ContigRow> rows) throws IOException {
        List<StatsFigures.ContigRow> top = rows;
        List<StatsFigures.ContigRow> rest = List.of();
        if (rows.size() > CONTIG_BARS + 1) {
            List<StatsFigures.ContigRow> bySites = new ArrayList<>(rows);
            bySites.sort(Comparator.comparingLong(StatsFigures.ContigRow::sites).reversed());
            top = bySites.subList(0, CONTIG_BARS);
            rest = bySites.subList(CONTIG_BARS, bySites.size());
        }
        json.writeObjectFieldStart("contigs");
        json.writeArrayFieldStart("top"); // [contig, sites, alt_sites]
        for (StatsFigures.ContigRow r : top) {
            json.writeStartArray();
            json.writeString(r.contig());
            json.writeNumber(r.sites());
            json.writeNumber(r.altSites());
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("other");
        json.writeNumberField("count", rest.size());
        json.writeNumberField("sites", rest.stream().mapToLong(StatsFigures.ContigRow::sites).sum());
        json.writeNumberField("alt_sites", rest.stream().mapToLong(StatsFigures.ContigRow::altSites).sum());
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * Per shown contig: the window starts from its first to its last position's window, and one
     * cell per pair and window, [window index, pair index, share differing, differ, compared].
     */
    private static void heatmaps(JsonGenerator json, StatsFigures f) throws IOException {
        List<StatsFigures.ContigRow> shown = new ArrayList<>(f.contigs());
        shown.sort(Comparator.comparingLong(StatsFigures.ContigRow::sites).reversed());
        shown = shown.subList(0, Math.min(HEATMAP_CONTIGS, shown.size()));
        Map<String, Integer> pairIndex = new HashMap<>();
        for (int i = 0; i < f.pairs().size(); i++) {
            pairIndex.put(f.pairs().get(i).pair(), i);
        }
        Map<String, List<StatsFigures.WindowRow>> byContig = new HashMap<>();
        for (StatsFigures.WindowRow w : f.windows()) {
            byContig.computeIfAbsent(w.contig(), c -> new ArrayList<>()).add(w);
        }
        long size = f.windowSize();
        json.writeArrayFieldStart("heatmaps");
        for (StatsFigures.ContigRow contig : f.contigs()) { // in output order
            if (!shown.contains(contig) || f.pairs().isEmpty()) {
                continue;
            }
            long first = Math.floorDiv(contig.firstPos(), size) * size;
            long last = Math.floorDiv(contig.lastPos(), size) * size;
            int windows = (int) ((last - first) / size) + 1;
            json.writeStartObject();
            json.writeStringField("contig", contig.contig());
            json.writeArrayFieldStart("starts");
            for (int i = 0; i < windows; i++) {
                json.writeNumber(first + i * size);
            }
            json.writeEndArray();
            double max = 0;
            json.writeArrayFieldStart("cells");
            for (StatsFigures.WindowRow w : byContig.getOrDefault(contig.contig(), List.of())) {
                double share = w.compared() == 0 ? 0 : (double) w.differ() / w.compared();
                max = Math.max(max, share);
                json.writeStartArray();
                json.writeNumber((w.start() - first) / size);
                json.writeNumber(pairIndex.get(w.pair()));
                json.writeNumber(share);
                json.writeNumber(w.differ());
                json.writeNumber(w.compared());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeNumberField("max", max);
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
