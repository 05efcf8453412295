package org.hapmatrix.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test oracle for the output formats (README "Output"): the table with either missing-allele
 * rule, VCF 4.2's records and phase-Extender's layout, written with plain loops over the whole
 * matrix in memory. Shares no code with the production path.
 */
public final class ReferenceFormats {
    private static final String MISSING = "N";
    private static final String GAP = "-";
    private static final long VCF_MAX_POSITION = 2147483647L;
    private static final long TABIX_MAX_END = 536870912L;

    private ReferenceFormats() {
    }

    /**
     * What to write.
     *
     * @param pairs           the pairs, in output order
     * @param contigsOrNull   the contigs to write, or null for all
     * @param altFromSelected ALT over the pairs' samples only (else over every sample)
     * @param missingDot      a pair's N and - written as '.' (VCF: N as '.', - as the index of *)
     * @param indexed         VCF for a .vcf.gz (positions must fit a .tbi index)
     */
    public record Options(List<ReferencePair> pairs, Set<String> contigsOrNull, boolean altFromSelected,
                          boolean missingDot, boolean indexed) {
    }

    /** A site VCF cannot hold: the error names this contig and position and quotes {@code detail}. */
    public static final class VcfSiteError extends RuntimeException {
        public final String contig;
        public final String position;
        public final String detail;

        VcfSiteError(String contig, String position, String detail) {
            super("contig '" + contig + "', position " + position + ": " + detail);
            this.contig = contig;
            this.position = position;
            this.detail = detail;
        }
    }

    /** One written site: its fields and ALT, with the pair alleles as in the matrix. */
    private record Site(String contig, String pos, String ref, List<String> alt, List<String[]> pairAlleles) {
    }

    /** The haplotype table, header line included. */
    public static String table(List<String> columnNames, List<List<String>> rows, Options options) {
        StringBuilder out = new StringBuilder("contig\tpos\tref\talt");
        for (ReferencePair pair : options.pairs()) {
            out.append('\t').append(pair.name()).append("_PI\t").append(pair.name()).append("_PG_al");
        }
        out.append('\n');
        for (Site site : sites(columnNames, rows, options)) {
            out.append(site.contig()).append('\t').append(site.pos()).append('\t').append(site.ref()).append('\t')
                    .append(String.join(",", site.alt()));
            appendPhased(out, site, options.missingDot());
            out.append('\n');
        }
        return out.toString();
    }

    /** phase-Extender's haplotype file, header line included. */
    public static String phaseExtender(List<String> columnNames, List<List<String>> rows, Options options) {
        StringBuilder out = new StringBuilder("CHROM\tPOS\tREF\tall-alleles");
        for (ReferencePair pair : options.pairs()) {
            out.append('\t').append(pair.name()).append(":PI\t").append(pair.name()).append(":PG_al");
        }
        out.append('\n');
        for (Site site : sites(columnNames, rows, options)) {
            out.append(site.contig()).append('\t').append(site.pos()).append('\t').append(site.ref()).append('\t')
                    .append(site.ref());
            for (String allele : site.alt()) {
                out.append(',').append(allele);
            }
            appendPhased(out, site, options.missingDot());
            out.append('\n');
        }
        return out.toString();
    }

    /** The VCF header lines other than ##source and ##hapmatrix_command (which name the run). */
    public static String vcfHeader(List<String> columnNames, List<List<String>> rows, Options options) {
        StringBuilder out = new StringBuilder("##fileformat=VCFv4.2\n");
        for (String contig : contigsInOrder(rows, options.contigsOrNull())) {
            out.append("##contig=<ID=").append(contig).append(">\n");
        }
        out.append("##INFO=<ID=AC,Number=A,Type=Integer,Description=\"Allele count in genotypes, for each ALT allele, in the same order as listed\">\n");
        out.append("##INFO=<ID=AN,Number=1,Type=Integer,Description=\"Total number of alleles in called genotypes\">\n");
        out.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
        out.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO");
        if (!options.pairs().isEmpty()) {
            out.append("\tFORMAT");
            for (ReferencePair pair : options.pairs()) {
                out.append('\t').append(pair.name());
            }
        }
        return out.append('\n').toString();
    }

    /**
     * The VCF records, one line each, or a {@link VcfSiteError} for the first written site (in
     * output order) VCF cannot hold.
     */
    public static List<String> vcfRecords(List<String> columnNames, List<List<String>> rows, Options options) {
        return vcfRecords(columnNames, rows, options, "star");
    }

    /**
     * The VCF records with {@code --gaps star|deletion|missing} (docs/formats.md, "Gaps"), written
     * from the whole contig's rows: a run of gap sites (written sites with a one-base REF where a
     * pair allele is -, at consecutive positions on consecutive rows) joined with the row before
     * it when that row is at the position before, has a one-base REF and no pair allele -.
     */
    public static List<String> vcfRecords(List<String> columnNames, List<List<String>> rows, Options options, String gaps) {
        if (gaps.equals("deletion")) {
            return deletionRecords(columnNames, rows, options);
        }
        List<String> records = new ArrayList<>();
        for (Site site : sites(columnNames, rows, options)) {
            records.add(starRecord(site, options, gaps.equals("missing")));
        }
        return records;
    }

    private static List<String> deletionRecords(List<String> columnNames, List<List<String>> rows, Options options) {
        Map<String, List<Site>> byContig = new LinkedHashMap<>();
        for (Site site : sites(columnNames, rows, options, true)) {
            byContig.computeIfAbsent(site.contig(), c -> new ArrayList<>()).add(site);
        }
        List<String> records = new ArrayList<>();
        for (List<Site> contig : byContig.values()) {
            int n = contig.size();
            boolean[] gap = new boolean[n];
            for (int i = 0; i < n; i++) {
                Site site = contig.get(i);
                gap[i] = !site.alt().isEmpty() && oneBase(site.ref()) && hasPairGap(site);
            }
            int i = 0;
            while (i < n) {
                Site site = contig.get(i);
                // Does a run begin at i + 1 that this row anchors?
                int runEnd = i;
                if (oneBase(site.ref()) && !hasPairGap(site)) {
                    while (runEnd + 1 < n && gap[runEnd + 1] && position(contig.get(runEnd + 1)) == position(contig.get(runEnd)) + 1) {
                        runEnd++;
                    }
                }
                if (runEnd > i) {
                    records.add(joinedRecord(contig.subList(i, runEnd + 1), options));
                    i = runEnd + 1;
                    continue;
                }
                if (!site.alt().isEmpty()) {
                    records.add(starRecord(site, options, false)); // also a gap site with no anchor
                }
                i++;
            }
        }
        return records;
    }

    private static long position(Site site) {
        return Long.parseLong(site.pos());
    }

    private static boolean oneBase(String ref) {
        return ref.length() == 1 && isBases(ref);
    }

    private static boolean hasPairGap(Site site) {
        for (String[] alleles : site.pairAlleles()) {
            if (alleles[0].equals(GAP) || alleles[1].equals(GAP)) {
                return true;
            }
        }
        return false;
    }

    /** The anchor (first) and the run of gap sites as one record. */
    private static String joinedRecord(List<Site> span, Options options) {
        Site anchor = span.get(0);
        if (position(anchor) < 1) {
            throw new VcfSiteError(anchor.contig(), anchor.pos(), "VCF positions run from 1 to " + VCF_MAX_POSITION);
        }
        StringBuilder refBuilder = new StringBuilder();
        for (Site site : span) {
            refBuilder.append(site.ref().toUpperCase(java.util.Locale.ROOT));
        }
        String ref = refBuilder.toString();
        List<String> haplotypes = new ArrayList<>();
        for (int pair = 0; pair < anchor.pairAlleles().size(); pair++) {
            for (int h = 0; h < 2; h++) {
                StringBuilder allele = new StringBuilder();
                boolean missing = false;
                for (int at = 0; at < span.size(); at++) {
                    Site site = span.get(at);
                    String value = site.pairAlleles().get(pair)[h];
                    if (value.equals(GAP)) {
                        continue;
                    }
                    if (value.equals(MISSING)) {
                        if (options.missingDot()) {
                            missing = true;
                        } else {
                            allele.append(ref.charAt(at));
                        }
                        continue;
                    }
                    if (!isBases(value)) {
                        throw new VcfSiteError(site.contig(), site.pos(), "'" + value + "'");
                    }
                    allele.append(value.toUpperCase(java.util.Locale.ROOT));
                }
                haplotypes.add(missing ? null : allele.toString());
            }
        }
        TreeSet<String> altSet = new TreeSet<>(ReferenceConverter.BYTE_ORDER);
        for (String haplotype : haplotypes) {
            if (haplotype != null && !haplotype.equals(ref)) {
                altSet.add(haplotype);
            }
        }
        List<String> alt = new ArrayList<>(altSet);
        int[] counts = new int[alt.size() + 1];
        int called = 0;
        List<String> genotypes = new ArrayList<>();
        for (int i = 0; i < haplotypes.size(); i += 2) {
            String[] indexes = new String[2];
            for (int h = 0; h < 2; h++) {
                String haplotype = haplotypes.get(i + h);
                int index = haplotype == null ? -1 : haplotype.equals(ref) ? 0 : 1 + alt.indexOf(haplotype);
                if (index >= 0) {
                    called++;
                    counts[index]++;
                }
                indexes[h] = index < 0 ? "." : Integer.toString(index);
            }
            genotypes.add(indexes[0] + "|" + indexes[1]);
        }
        return recordLine(anchor.contig(), anchor.pos(), ref, alt, counts, called, genotypes);
    }

    private static String recordLine(String contig, String pos, String ref, List<String> alt, int[] counts, int called,
                                     List<String> genotypes) {
        StringBuilder line = new StringBuilder();
        line.append(contig).append('\t').append(pos).append("\t.\t").append(ref).append('\t')
                .append(alt.isEmpty() ? "." : String.join(",", alt)).append("\t.\t.\t");
        if (!alt.isEmpty()) {
            line.append("AC=");
            for (int i = 1; i < counts.length; i++) {
                line.append(i > 1 ? "," : "").append(counts[i]);
            }
            line.append(';');
        }
        line.append("AN=").append(called);
        if (!genotypes.isEmpty()) {
            line.append("\tGT\t").append(String.join("\t", genotypes));
        }
        return line.toString();
    }

    /** One site's record, - as * (or, {@code gapMissing}, as missing data like N). */
    private static String starRecord(Site site, Options options, boolean gapMissing) {
        {
            checkVcfSite(site, options.indexed());
            List<String> siteAlt = new ArrayList<>(site.alt());
            if (gapMissing) {
                siteAlt.remove(GAP);
            }
            List<String> vcfAlt = new ArrayList<>();
            for (String allele : siteAlt) {
                vcfAlt.add(allele.equals(GAP) ? "*" : allele.toUpperCase(java.util.Locale.ROOT));
            }
            int[] counts = new int[siteAlt.size() + 1];
            int called = 0;
            List<String> genotypes = new ArrayList<>();
            for (String[] alleles : site.pairAlleles()) {
                String[] indexes = new String[2];
                for (int i = 0; i < 2; i++) {
                    String allele = alleles[i];
                    int index;
                    if (allele.equals(MISSING) || gapMissing && allele.equals(GAP)) {
                        index = options.missingDot() ? -1 : 0;
                    } else if (allele.equals(GAP) && !options.missingDot()) {
                        index = 0;
                    } else if (allele.equals(site.ref())) {
                        index = 0;
                    } else {
                        index = 1 + siteAlt.indexOf(allele);
                    }
                    if (index >= 0) {
                        called++;
                        counts[index]++;
                    }
                    indexes[i] = index < 0 ? "." : Integer.toString(index);
                }
                genotypes.add(indexes[0] + "|" + indexes[1]);
            }
            return recordLine(site.contig(), site.pos(), site.ref().toUpperCase(java.util.Locale.ROOT), vcfAlt, counts, called,
                    genotypes);
        }
    }

    private static void checkVcfSite(Site site, boolean indexed) {
        if (!isBases(site.ref())) {
            throw new VcfSiteError(site.contig(), site.pos(), "'" + site.ref() + "'");
        }
        for (String allele : site.alt()) {
            if (!allele.equals(GAP) && !isBases(allele)) {
                throw new VcfSiteError(site.contig(), site.pos(), "'" + allele + "'");
            }
        }
        // VCF bases are case-insensitive: two alleles written alike (REF a, ALT A) are an error.
        Set<String> written = new java.util.HashSet<>();
        written.add(site.ref().toUpperCase(java.util.Locale.ROOT));
        for (String allele : site.alt()) {
            if (!written.add(allele.toUpperCase(java.util.Locale.ROOT))) {
                throw new VcfSiteError(site.contig(), site.pos(), "differ only in case");
            }
        }
        long position = Long.parseLong(site.pos());
        if (position < 1 || position > VCF_MAX_POSITION) {
            throw new VcfSiteError(site.contig(), site.pos(), "VCF positions run from 1 to " + VCF_MAX_POSITION);
        }
        if (indexed && position + site.ref().length() - 1 > TABIX_MAX_END) {
            throw new VcfSiteError(site.contig(), site.pos(), ".tbi");
        }
    }

    private static boolean isBases(String allele) {
        return allele.matches("[ACGTNacgtn]+");
    }

    private static void appendPhased(StringBuilder out, Site site, boolean missingDot) {
        for (String[] alleles : site.pairAlleles()) {
            out.append('\t').append(site.contig()).append('\t')
                    .append(written(alleles[0], site.ref(), missingDot)).append('|')
                    .append(written(alleles[1], site.ref(), missingDot));
        }
    }

    private static String written(String allele, String ref, boolean missingDot) {
        if (allele.equals(MISSING) || allele.equals(GAP)) {
            return missingDot ? "." : ref;
        }
        return allele;
    }

    /** The written sites in output order: contigs by first appearance, sites in input order. */
    private static List<Site> sites(List<String> columnNames, List<List<String>> rows, Options options) {
        return sites(columnNames, rows, options, false);
    }

    /** With {@code everyRow}, also the rows whose ALT is empty (an anchor of {@code --gaps deletion} may be one). */
    private static List<Site> sites(List<String> columnNames, List<List<String>> rows, Options options, boolean everyRow) {
        List<String> samples = columnNames.subList(ReferenceConverter.FIRST_SAMPLE_COLUMN, columnNames.size());
        List<Integer> altColumns = new ArrayList<>();
        if (options.altFromSelected()) {
            Set<String> selected = new LinkedHashSet<>();
            for (ReferencePair pair : options.pairs()) {
                selected.add(pair.sampleA());
                selected.add(pair.sampleB());
            }
            for (String sample : selected) {
                altColumns.add(ReferenceConverter.FIRST_SAMPLE_COLUMN + samples.indexOf(sample));
            }
        } else {
            for (int i = 0; i < samples.size(); i++) {
                altColumns.add(ReferenceConverter.FIRST_SAMPLE_COLUMN + i);
            }
        }
        Map<String, List<Site>> byContig = new LinkedHashMap<>();
        for (List<String> row : rows) {
            String contig = row.get(0);
            if (options.contigsOrNull() != null && !options.contigsOrNull().contains(contig)) {
                continue;
            }
            List<Site> contigSites = byContig.computeIfAbsent(contig, c -> new ArrayList<>());
            String ref = row.get(2);
            TreeSet<String> alt = new TreeSet<>(ReferenceConverter.BYTE_ORDER);
            for (int column : altColumns) {
                alt.add(row.get(column));
            }
            alt.remove(MISSING);
            alt.remove(ref);
            if (alt.isEmpty() && !everyRow) {
                continue;
            }
            List<String[]> pairAlleles = new ArrayList<>();
            for (ReferencePair pair : options.pairs()) {
                pairAlleles.add(new String[] {
                    row.get(ReferenceConverter.FIRST_SAMPLE_COLUMN + samples.indexOf(pair.sampleA())),
                    row.get(ReferenceConverter.FIRST_SAMPLE_COLUMN + samples.indexOf(pair.sampleB()))});
            }
            contigSites.add(new Site(contig, row.get(1), ref, new ArrayList<>(alt), pairAlleles));
        }
        List<Site> sites = new ArrayList<>();
        byContig.values().forEach(sites::addAll);
        return sites;
    }

    /** The contigs written, in output order (first appearance), whether or not a site of theirs is written. */
    public static List<String> contigsInOrder(List<List<String>> rows, Set<String> contigsOrNull) {
        Set<String> contigs = new LinkedHashSet<>();
        for (List<String> row : rows) {
            if (contigsOrNull == null || contigsOrNull.contains(row.get(0))) {
                contigs.add(row.get(0));
            }
        }
        return new ArrayList<>(contigs);
    }
}
