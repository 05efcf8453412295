package org.hapmatrix.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.hapmatrix.HapmatrixException;

/**
 * A region as bcftools takes it: a contig and a 1-based, inclusive span. A site is in it when its
 * REF overlaps it (bcftools view -r keeps a record that overlaps a region, not only one that starts in it).
 */
public record Region(String contig, long from, long to) {
    /** The last position any region can reach: the last a matrix can hold. */
    public static final long END = Long.MAX_VALUE;

    /**
     * {@code -r}: {@code chr} (all of it), {@code chr:pos} (that one position), {@code chr:from-}
     * (to the end) or {@code chr:from-to}, comma-separated, as bcftools 1.16 reads them.
     */
    public static List<Region> parseList(String list) {
        List<Region> regions = new ArrayList<>();
        for (String item : list.split(",")) {
            regions.add(parse(item, list));
        }
        return regions;
    }

    private static Region parse(String item, String list) {
        int colon = item.lastIndexOf(':');
        if (item.isEmpty() || colon == 0) {
            throw HapmatrixException.usage("-r '" + list + "': a region is CHROM, CHROM:FROM or CHROM:FROM-TO");
        }
        if (colon < 0) {
            return new Region(item, 1, END);
        }
        String contig = item.substring(0, colon);
        String span = item.substring(colon + 1);
        int dash = span.indexOf('-');
        try {
            if (dash == 0) {
                throw new NumberFormatException(); // chr:-to: bcftools 1.16 fails on it too
            }
            long from = Long.parseLong(dash < 0 ? span : span.substring(0, dash));
            long to = dash < 0 ? from : dash == span.length() - 1 ? END : Long.parseLong(span.substring(dash + 1));
            if (from < 1 || to < from) {
                throw new NumberFormatException();
            }
            return new Region(contig, from, to);
        } catch (NumberFormatException e) {
            throw HapmatrixException.usage("-r '" + list + "': '" + item + "' is not CHROM:FROM-TO with 1 <= FROM <= TO");
        }
    }

    /**
     * {@code -R}: a file of regions, as bcftools reads one: a name ending in {@code .bed} or
     * {@code .bed.gz} (any case) is BED, {@code CHROM START END} 0-based and half-open; any other
     * is {@code CHROM POS} or {@code CHROM FROM TO}, 1-based and inclusive. Lines starting with
     * {@code #} and empty lines are skipped; columns after the third are ignored.
     */
    public static List<Region> readFile(Path file) {
        if (Files.isDirectory(file)) {
            throw HapmatrixException.usage(file + ": is a directory, not a regions file");
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean bed = lower.endsWith(".bed") || lower.endsWith(".bed.gz");
        List<Region> regions = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(
                     lower.endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#") || (bed && (line.startsWith("track") || line.startsWith("browser")))) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                try {
                    if (fields.length < (bed ? 3 : 2)) {
                        throw new NumberFormatException();
                    }
                    long first = Long.parseLong(fields[1].trim());
                    long last = fields.length > 2 && !fields[2].isBlank() ? Long.parseLong(fields[2].trim()) : first;
                    long from = bed ? first + 1 : first;
                    if (from < 1 || last < from) {
                        throw new NumberFormatException();
                    }
                    regions.add(new Region(fields[0], from, last));
                } catch (NumberFormatException e) {
                    throw HapmatrixException.at(file.toString(), number, bed
                            ? "not a BED line (CHROM, START, END: 0-based, half-open, START < END)"
                            : "not a region line (CHROM, POS or CHROM, FROM, TO: 1-based, inclusive, FROM <= TO)");
                }
            }
        } catch (NoSuchFileException e) {
            throw HapmatrixException.usage(file + ": no such file");
        } catch (IOException e) {
            throw HapmatrixException.usage(file + ": cannot read the regions file: " + e.getMessage());
        }
        return regions;
    }

    /**
     * The contigs to read for {@code regions} (none: {@code contigs}, the {@code --contigs}
     * selection, empty for all): the regions' contigs, those of {@code contigs} only if it names any.
     */
    public static List<String> contigsToRead(List<Region> regions, List<String> contigs) {
        if (regions.isEmpty()) {
            return contigs;
        }
        List<String> wanted = new ArrayList<>(merged(regions).keySet());
        if (!contigs.isEmpty()) {
            wanted.retainAll(contigs);
        }
        return wanted;
    }

    /** The regions on {@code contigs} (empty: all of them). */
    public static List<Region> onContigs(List<Region> regions, List<String> contigs) {
        return contigs.isEmpty() ? regions : regions.stream().filter(r -> contigs.contains(r.contig())).toList();
    }

    /** Per contig (in first-mention order), its regions sorted and overlapping or adjacent ones merged, as bcftools merges them. */
    public static Map<String, List<Region>> merged(List<Region> regions) {
        Map<String, List<Region>> byContig = new LinkedHashMap<>();
        for (Region region : regions) {
            byContig.computeIfAbsent(region.contig(), c -> new ArrayList<>()).add(region);
        }
        for (Map.Entry<String, List<Region>> entry : byContig.entrySet()) {
            List<Region> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(Comparator.comparingLong(Region::from));
            List<Region> merged = new ArrayList<>();
            for (Region region : sorted) {
                Region last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && region.from() - 1 <= last.to()) { // adjacent or overlapping; no overflow at END
                    merged.set(merged.size() - 1, new Region(last.contig(), last.from(), Math.max(last.to(), region.to())));
                } else {
                    merged.add(region);
                }
            }
            entry.setValue(merged);
        }
        return byContig;
    }
}
