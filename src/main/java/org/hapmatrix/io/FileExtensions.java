package org.hapmatrix.io;

import java.util.List;
import java.util.Locale;

/**
 * Every file name ending hapmatrix gives a meaning to, spelled once, and the one way they are
 * matched: case-insensitively, as htslib names its formats ({@code OUT.VCF.GZ} is a VCF too).
 */
public final class FileExtensions {
    public static final String VCF = ".vcf";
    /** BGZF-compressed VCF, as bgzip and bcftools name it. */
    public static final List<String> COMPRESSED_VCF = List.of(".vcf.gz", ".vcf.bgz");
    /** BCF, always BGZF-compressed (htslib's default for {@code -Ob}). */
    public static final String BCF = ".bcf";
    public static final String GZIP = ".gz";
    public static final String BGZF = ".bgz";
    public static final String TABIX_INDEX = ".tbi";
    /** htslib's CSI index, for positions beyond what a {@code .tbi} holds. */
    public static final String CSI_INDEX = ".csi";
    /** Every index htslib looks for beside a file, in the order it looks. */
    public static final List<String> INDEXES = List.of(TABIX_INDEX, CSI_INDEX);

    private FileExtensions() {
    }

    /** Whether {@code name} ends in {@code extension}, ignoring case; false for null (standard output). */
    public static boolean hasExtension(String name, String extension) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(extension);
    }

    /** Whether {@code name} ends in any of {@code extensions}, ignoring case. */
    public static boolean hasAnyExtension(String name, List<String> extensions) {
        return extensions.stream().anyMatch(extension -> hasExtension(name, extension));
    }

    /** Whether an output of this name is compressed ({@code .gz} or {@code .bgz}). */
    public static boolean isCompressedName(String name) {
        return hasExtension(name, GZIP) || hasExtension(name, BGZF);
    }

    /** The tabix index's name beside {@code file}. */
    public static String tabixIndexOf(String file) {
        return file + TABIX_INDEX;
    }
}
