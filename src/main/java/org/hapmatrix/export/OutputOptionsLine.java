package org.hapmatrix.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hapmatrix.format.GapAlleles;

/**
 * The output options that shape the records beyond what a header already shows (the pairs are the
 * columns): how a missing allele is written and the samples ALT is computed over (by count and a
 * digest, since they may be thousands). Written as VCF's {@code ##hapmatrix_options=} line, the
 * same for every part of a scatter, which concat compares.
 */
final class OutputOptionsLine {
    private static final int DIGEST_HEX_CHARS = 16;

    private OutputOptionsLine() {
    }

    static String of(ExportLayout layout, ExportPlan plan) {
        // gaps only when not the default, so the line of a default run stays as it always was.
        return "missing=" + layout.missing() + ";alt_samples=" + plan.altSamples().size() + ":" + digest(plan)
                + (layout.gaps() == GapAlleles.star ? "" : ";gaps=" + layout.gaps());
    }

    private static String digest(ExportPlan plan) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String sample : plan.altSamples()) {
                sha.update(sample.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, DIGEST_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
