package org.hapmatrix.app.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the sections as TSV (as {@code bcftools stats}: a {@code # NAME [2]column ...} comment
 * names each section's columns, and every data line starts with the section's name, so {@code
 * grep ^SAMPLE} picks one) or as one JSON document with the same names.
 */
final class StatsText {
    private StatsText() {
    }

    static void write(StatsFigures figures, Map<String, String> inputs, StatsFormat format, OutputStream out)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format == StatsFormat.json) {
            writeJson(figures, inputs, writer);
        } else {
            writeTsv(figures, inputs, writer);
        }
        writer.flush();
    }

    private static void writeTsv(StatsFigures f, Map<String, String> inputs, Writer out) throws IOException {
        out.write("# hapmatrix stats: sections SN, SAMPLE, PAIR, CONTIG, ALT_ALLELES, AC, WINDOW (see docs/stats.md)\n");
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            out.write("# " + input.getKey() + ": " + oneLine(input.getValue()) + "\n");
        }
        StatsFigures.Summary s = f.summary();
        header(out, "SN", "key", "value");
        line(out, "SN", "sites", s.sites());
        line(out, "SN", "alt_sites", s.altSites());
        line(out, "SN", "multiallelic_sites", s.multiallelicSites());
        line(out, "SN", "contigs", s.contigs());
        line(out, "SN", "samples", s.samples());
        line(out, "SN", "pairs", s.pairs());
        line(out, "SN", "window_size", f.windowSize());
        header(out, "SAMPLE", "sample", "sites", "calls", "missing", "gaps", "share_missing");
        for (StatsFigures.SampleRow r : f.samples()) {
            line(out, "SAMPLE", r.sample(), r.sites(), r.calls(), r.missing(), r.gaps(), share(r.shareMissing()));
        }
        header(out, "PAIR", "pair", "sample_a", "sample_b", "sites", "missing", "compared", "differ", "share_differ");
        for (StatsFigures.PairRow r : f.pairs()) {
            line(out, "PAIR", r.pair(), r.sampleA(), r.sampleB(), r.sites(), r.missing(), r.compared(), r.differ(),
                    share(r.shareDiffer()));
        }
        header(out, "CONTIG", "contig", "sites", "alt_sites", "multiallelic_sites", "first_pos", "last_pos");
        for (StatsFigures.ContigRow r : f.contigs()) {
            line(out, "CONTIG", r.contig(), r.sites(), r.altSites(), r.multiallelicSites(), r.firstPos(), r.lastPos());
        }
        header(out, "ALT_ALLELES", "alt_alleles", "sites");
        for (StatsFigures.CountRow r : f.altAlleles()) {
            line(out, "ALT_ALLELES", r.count(), r.sites());
        }
        header(out, "AC", "alt_copies", "sites");
        for (StatsFigures.CountRow r : f.altCopies()) {
            line(out, "AC", r.count(), r.sites());
        }
        header(out, "WINDOW", "pair", "contig", "start", "end", "sites", "missing", "compared", "differ");
        for (StatsFigures.WindowRow r : f.windows()) {
            line(out, "WINDOW", r.pair(), r.contig(), r.start(), r.start() + f.windowSize() - 1, r.sites(), r.missing(),
                    r.compared(), r.differ());
        }
    }

    private static void header(Writer out, String section, String... columns) throws IOException {
        StringBuilder text = new StringBuilder("# ").append(section);
        for (int i = 0; i < columns.length; i++) {
            text.append('\t').append('[').append(i + 2).append(']').append(columns[i]);
        }
        out.write(text.append('\n').toString());
    }

    private static void line(Writer out, String section, Object... values) throws IOException {
        StringBuilder text = new StringBuilder(section);
        for (Object value : values) {
            text.append('\t').append(value);
        }
        out.write(text.append('\n').toString());
    }

    static String share(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private static String oneLine(String value) {
        return value.replace('\n', ' ').replace('\r', ' ');
    }

    private static void writeJson(StatsFigures f, Map<String, String> inputs, Writer out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            StatsJsonFields.inputs(json, inputs);
            json.writeObjectFieldStart("summary");
            StatsJsonFields.summaryCounts(json, f.summary());
            json.writeNumberField("window_size", f.windowSize());
            json.writeEndObject();
            json.writeArrayFieldStart("samples");
            for (StatsFigures.SampleRow r : f.samples()) {
                json.writeStartObject();
                json.writeStringField("sample", r.sample());
                json.writeNumberField("sites", r.sites());
                json.writeNumberField("calls", r.calls());
                json.writeNumberField("missing", r.missing());
                json.writeNumberField("gaps", r.gaps());
                json.writeNumberField("share_missing", r.shareMissing());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("pairs");
            for (StatsFigures.PairRow r : f.pairs()) {
                json.writeStartObject();
                json.writeStringField("pair", r.pair());
                json.writeStringField("sample_a", r.sampleA());
                json.writeStringField("sample_b", r.sampleB());
                json.writeNumberField("sites", r.sites());
                json.writeNumberField("missing", r.missing());
                json.writeNumberField("compared", r.compared());
                json.writeNumberField("differ", r.differ());
                json.writeNumberField("share_differ", r.shareDiffer());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("contigs");
            for (StatsFigures.ContigRow r : f.contigs()) {
                json.writeStartObject();
                json.writeStringField("contig", r.contig());
                json.writeNumberField("sites", r.sites());
                json.writeNumberField("alt_sites", r.altSites());
                json.writeNumberField("multiallelic_sites", r.multiallelicSites());
                json.writeNumberField("first_pos", r.firstPos());
                json.writeNumberField("last_pos", r.lastPos());
                json.writeEndObject();
            }
            json.writeEndArray();
            counts(json, "alt_alleles", "alt_alleles", f.altAlleles());
            counts(json, "ac", "alt_copies", f.altCopies());
            json.writeArrayFieldStart("windows");
            for (StatsFigures.WindowRow r : f.windows()) {
                json.writeStartObject();
                json.writeStringField("pair", r.pair());
                json.writeStringField("contig", r.contig());
                json.writeNumberField("start", r.start());
                json.writeNumberField("end", r.start() + f.windowSize() - 1);
                json.writeNumberField("sites", r.sites());
                json.writeNumberField("missing", r.missing());
                json.writeNumberField("compared", r.compared());
                json.writeNumberField("differ", r.differ());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void counts(JsonGenerator json, String section, String column, List<StatsFigures.CountRow> rows)
            throws IOException {
        json.writeArrayFieldStart(section);
        for (StatsFigures.CountRow r : rows) {
            json.writeStartObject();
            json.writeNumberField(column, r.count());
            json.writeNumberField("sites", r.sites());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
