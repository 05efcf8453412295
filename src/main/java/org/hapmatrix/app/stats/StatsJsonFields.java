package org.hapmatrix.app.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/** The JSON fields the stats JSON and the HTML report's data share, written once for both. */
final class StatsJsonFields {
    private StatsJsonFields() {
    }

    /** {@code "inputs": {name: value, ...}}: where the figures come from. */
    static void inputs(JsonGenerator json, Map<String, String> inputs) throws IOException {
        json.writeObjectFieldStart("inputs");
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            json.writeStringField(input.getKey(), input.getValue());
        }
        json.writeEndObject();
    }

    /** The summary's counts, inside an object the caller opens and closes. */
    static void summaryCounts(JsonGenerator json, StatsFigures.Summary summary) throws IOException {
        json.writeNumberField("sites", summary.sites());
        json.writeNumberField("alt_sites", summary.altSites());
        json.writeNumberField("multiallelic_sites", summary.multiallelicSites());
        json.writeNumberField("contigs", summary.contigs());
        json.writeNumberField("samples", summary.samples());
        json.writeNumberField("pairs", summary.pairs());
    }
}
