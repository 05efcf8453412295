package org.hapmatrix.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random VCFs with every case VCF/BCF input must handle: multi-base and multi-allelic sites
 * (up to 12 ALTs, so GT indices above 9), {@code *} in ALT, no ALT ({@code .}), phased,
 * unphased heterozygous and homozygous calls, half-calls ({@code .|1}, {@code ./1}), missing
 * calls ({@code .}, {@code ./.}), haploid calls, FORMAT with and without PS and other fields,
 * several contigs, and sample names with dots and dashes. Sorted by contig and position, as
 * bcftools needs it.
 */
public final class VcfGenerator {
    private static final String[] BASES = {"A", "C", "G", "T"};

    /** A generated VCF: its text and its samples. */
    public record GeneratedVcf(String text, List<String> samples) {
    }

    private VcfGenerator() {
    }

    public static GeneratedVcf generate(long seed, int sites, int sampleCount) {
        Random random = new Random(seed);
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < sampleCount; i++) {
            samples.add(random.nextBoolean() ? "NA" + (12878 + i) : "s-" + i + ".x");
        }
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n");
        String[] contigs = {"1", "2", "chrX"};
        for (String contig : contigs) {
            vcf.append("##contig=<ID=").append(contig).append(",length=100000000>\n");
        }
        vcf.append("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n");
        vcf.append("##INFO=<ID=X,Number=.,Type=String,Description=\"Anything\">\n");
        vcf.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
        vcf.append("##FORMAT=<ID=PS,Number=1,Type=Integer,Description=\"Phase set\">\n");
        vcf.append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n");
        vcf.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        samples.forEach(s -> vcf.append('\t').append(s));
        vcf.append('\n');
        int perContig = Math.max(1, sites / contigs.length);
        for (int c = 0; c < contigs.length; c++) {
            long position = 1 + random.nextInt(100);
            int count = c == contigs.length - 1 ? sites - perContig * (contigs.length - 1) : perContig;
            for (int s = 0; s < count; s++) {
                position += 1 + random.nextInt(50);
                appendRecord(vcf, random, contigs[c], position, samples.size());
            }
        }
        return new GeneratedVcf(vcf.toString(), List.copyOf(samples));
    }

    private static void appendRecord(StringBuilder vcf, Random random, String contig, long position, int samples) {
        String ref = sequence(random, random.nextInt(8) == 0 ? 2 + random.nextInt(4) : 1);
        List<String> alts = new ArrayList<>();
        int altCount = random.nextInt(10) == 0 ? 0 : random.nextInt(12) == 0 ? 10 + random.nextInt(3) : 1 + random.nextInt(3);
        while (alts.size() < altCount) {
            String alt = random.nextInt(15) == 0 && !alts.contains("*") ? "*"
                    : sequence(random, random.nextInt(6) == 0 ? 1 + random.nextInt(5) : 1);
            if (!alt.equals(ref) && !alts.contains(alt)) {
                alts.add(alt);
            }
        }
        int alleles = 1 + alts.size();
        String format = switch (random.nextInt(5)) {
            case 0 -> "GT:PS";
            case 1 -> "GT:DP:PS";
            case 2 -> "GT:DP";
            case 3 -> "DP:GT:PS"; // GT not first: against VCF's rule, but Complete Genomics writes it and bcftools reads it
            default -> "GT";
        };
        vcf.append(contig).append('\t').append(position).append("\t.\t").append(ref).append('\t')
                .append(alts.isEmpty() ? "." : String.join(",", alts)).append("\t50\tPASS\tDP=10;X=a,b\t").append(format);
        boolean haploidSite = contig.equals("chrX") && random.nextInt(3) == 0;
        for (int s = 0; s < samples; s++) {
            String gt = call(random, alleles, haploidSite);
            List<String> values = new ArrayList<>();
            for (String key : format.split(":")) {
                switch (key) {
                    case "PS" -> values.add(random.nextInt(4) == 0 ? "." : Long.toString(position - random.nextInt(3)));
                    case "DP" -> values.add(Integer.toString(random.nextInt(40)));
                    default -> values.add(gt);
                }
            }
            if (format.startsWith("GT") && random.nextInt(20) == 0) {
                values = values.subList(0, 1); // trailing fields dropped, as VCF allows
            }
            vcf.append('\t').append(String.join(":", values));
        }
        vcf.append('\n');
    }

    private static String call(Random random, int alleles, boolean haploid) {
        if (haploid) {
            return random.nextInt(8) == 0 ? "." : Integer.toString(random.nextInt(alleles));
        }
        int roll = random.nextInt(20);
        if (roll == 0) {
            return random.nextBoolean() ? "./." : ".|.";
        }
        if (roll == 1) {
            String known = Integer.toString(random.nextInt(alleles));
            String separator = random.nextBoolean() ? "|" : "/";
            return random.nextBoolean() ? "." + separator + known : known + separator + ".";
        }
        int a = random.nextInt(alleles);
        int b = random.nextInt(4) == 0 ? random.nextInt(alleles) : a == 0 && alleles > 1 && random.nextBoolean() ? 1 : a;
        return a + (roll < 5 ? "/" : "|") + b;
    }

    private static String sequence(Random random, int length) {
        StringBuilder bases = new StringBuilder();
        for (int i = 0; i < length; i++) {
            bases.append(BASES[random.nextInt(4)]);
        }
        return bases.toString();
    }
}
