package org.hapmatrix.export;

import org.hapmatrix.format.MissingAlleles;
import org.hapmatrix.format.OutputFormat;






/**
 * How the output is laid out: its format, how a pair's N and - are written, whether it is a
 * BGZF-compressed VCF with a tabix index beside it, and the command line VCF records.
 */
public record ExportLayout(OutputFormat format, MissingAlleles missing, boolean indexedBgzf, String commandLine) {
    /** The original program's table. */
    public static final ExportLayout TABLE = new ExportLayout(OutputFormat.tsv, MissingAlleles.ref, false, "");

    /**
     * The layout for an output name and the user's choices: the format from the name unless given
     * ({@code .vcf}, {@code .vcf.gz}: VCF), the missing-allele rule the format's default unless
     * given; a VCF whose name ends in {@code .gz} is BGZF with a {@code .tbi} index.
     *
     * @param format  {@code --format}, or null
     * @param missing {@code --missing}, or null
     * @param output  the output name; null or - for stdout
     */
    public static ExportLayout of(OutputFormat format, MissingAlleles missing, String output, String commandLine) {
        OutputFormat chosen = format != null ? format : OutputFormat.forOutputName(output);
        boolean indexed = chosen == OutputFormat.vcf && output != null && output.endsWith(".gz");
        return new ExportLayout(chosen, missing != null ? missing : chosen.defaultMissing(), indexed, commandLine);
    }

    /** The tabix index's name beside a BGZF VCF. */
    public static String indexName(String output) {
        return output + ".tbi";
    }
}
