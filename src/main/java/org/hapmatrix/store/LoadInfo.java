package org.hapmatrix.store;

/**
 * How a database was loaded: the {@code load_info} row.
 *
 * @param sourceBytes the matrix file's size, or null when it was read from a stream
 * @param loadedAt    when, as {@code YYYY-MM-DD HH:MM:SS ZONE}
 */
public record LoadInfo(String source, Long sourceBytes, String headerSource, long sites, long contigs, int samples,
                       String loadedAt, String hapmatrixVersion, String duckdbVersion) {
}
