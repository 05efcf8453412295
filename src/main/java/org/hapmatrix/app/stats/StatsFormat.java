package org.hapmatrix.app.stats;

import java.util.Locale;

/** How {@code stats} writes its sections: bcftools-stats-like TSV, or one JSON document. */
public enum StatsFormat {
    tsv, json;

    /** The format named {@code name}, or null. */
    public static StatsFormat named(String name) {
        for (StatsFormat format : values()) {
            if (format.name().equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        return null;
    }
}
