package org.hapmatrix.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * Test oracle for VCF/BCF input: a naive reading of VCF text (split on tabs, colons, commas) into
 * the genome matrix hapmatrix should load, by README's rules, with nothing shared with the
 * production readers. It also builds the same matrix from {@code bcftools query}'s allele strings
 * ({@code %TGT}), so that bcftools' own reading of a file checks this one.
 *
 * <p>The rules: sample S gives columns S_1 and S_2; a phased call {@code a|b} gives its two
 * alleles; an unphased one whose alleles differ gives N and N (or the written order with
 * {@code keepUnphased}); a haploid call gives its allele twice; {@code .} is N, {@code *} is -.
 */
public final class ReferenceVcf {
    /** A genome matrix: column names (CHROM POS REF S_1 S_2 ...) and rows of the same width. */
    public record Matrix(List<String> columnNames, List<List<String>> rows) {
    }

    private ReferenceVcf() {
    }

    /** The matrix of a VCF's text. */
    public static Matrix fromVcfText(String vcf, boolean keepUnphased) {
        List<String> columns = null;
        List<List<String>> rows = new ArrayList<>();
        for (String line : vcf.split("\n")) {
            if (line.startsWith("##") || line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (line.startsWith("#CHROM")) {
                columns = columnNames(List.of(fields).subList(9, fields.length));
                continue;
            }
            List<String> alleles = new ArrayList<>();
            alleles.add(fields[3]);
            if (!fields[4].equals(".")) {
                alleles.addAll(List.of(fields[4].split(",", -1)));
            }
            int gtIndex = List.of(fields[8].split(":")).indexOf("GT");
            List<String> row = new ArrayList<>(List.of(fields[0], fields[1], allele(fields[3])));
            for (int i = 9; i < fields.length; i++) {
                String[] subfields = fields[i].split(":", -1);
                String gt = gtIndex >= 0 && gtIndex < subfields.length ? subfields[gtIndex] : ".";
                List<String> called = new ArrayList<>();
                for (String index : gt.split("[|/]", -1)) {
                    called.add(index.equals(".") ? "." : alleles.get(Integer.parseInt(index)));
                }
                boolean phased = !gt.contains("/");
                row.addAll(haplotypes(called, phased, keepUnphased));
            }
            rows.add(row);
        }
        return new Matrix(columns, rows);
    }

    /**
     * The matrix of {@code bcftools query -f '%CHROM\t%POS\t%REF[\t%TGT]\n'} output for samples
     * {@code samples}: bcftools prints each call's allele strings with its separators.
     */
    public static Matrix fromBcftoolsTgt(String query, List<String> samples, boolean keepUnphased) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : query.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            List<String> row = new ArrayList<>(List.of(fields[0], fields[1], allele(fields[2])));
            for (int i = 3; i < fields.length; i++) {
                String tgt = fields[i];
                List<String> called = List.of(tgt.split("[|/]", -1));
                row.addAll(haplotypes(called, !tgt.contains("/"), keepUnphased));
            }
            rows.add(row);
        }
        return new Matrix(columnNames(samples), rows);
    }

    private static List<String> columnNames(List<String> samples) {
        List<String> columns = new ArrayList<>(List.of("CHROM", "POS", "REF"));
        for (String sample : samples) {
            columns.add(sample + "_1");
            columns.add(sample + "_2");
        }
        return columns;
    }

    /** The pairs of a VCF input: one per sample, named as the sample, in #CHROM order. */
    public static List<ReferencePair> pairs(List<String> samples) {
        return samples.stream().map(s -> new ReferencePair(s, s + "_1", s + "_2")).toList();
    }

    private static List<String> haplotypes(List<String> called, boolean phased, boolean keepUnphased) {
        if (called.size() == 1) {
            return List.of(allele(called.get(0)), allele(called.get(0)));
        }
        if (called.size() != 2) {
            throw new IllegalArgumentException("polyploid call " + called);
        }
        if (!phased && !called.get(0).equals(called.get(1)) && !keepUnphased) {
            return List.of("N", "N");
        }
        return List.of(allele(called.get(0)), allele(called.get(1)));
    }

    private static String allele(String vcfAllele) {
        return switch (vcfAllele) {
            case "." -> "N";
            case "*" -> "-";
            default -> vcfAllele;
        };
    }
}
