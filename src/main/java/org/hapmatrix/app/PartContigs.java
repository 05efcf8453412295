package org.hapmatrix.app;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.hapmatrix.HapmatrixException;

/**
 * The contigs of the parts concat joins, from the first field of each record line (table,
 * phase-Extender's file and VCF all start with the contig): a contig met in an earlier part is an
 * error, raised before the buffer holding it is written (the output is committed only at the end),
 * so overlapping parts never give duplicated records.
 */
final class PartContigs {
    private final Map<String, String> partOfContig = new HashMap<>();
    private final ByteArrayOutputStream field = new ByteArrayOutputStream();
    private String part;
    private byte[] current;
    private boolean atLineStart;
    private boolean inField;

    /** Starts the records of {@code part}. */
    void startPart(String part) {
        this.part = part;
        this.current = null;
        this.atLineStart = true;
        this.inField = false;
        field.reset();
    }

    /** Looks at the next bytes of the current part's records. */
    void scan(byte[] buffer, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = buffer[i];
            if (atLineStart) {
                atLineStart = false;
                inField = true;
                field.reset();
            }
            if (inField) {
                if (b == '\t' || b == '\n') {
                    inField = false;
                    contig(field.toByteArray());
                } else {
                    field.write(b);
                }
            }
            if (b == '\n') {
                atLineStart = true;
            }
        }
    }

    private void contig(byte[] name) {
        if (current != null && Arrays.equals(current, name)) {
            return; // most lines continue the contig of the line before
        }
        current = name;
        if (name.length == 0) {
            return;
        }
        seen(new String(name, StandardCharsets.UTF_8));
    }

    /** A record of {@code contig} in the current part (a BCF part's records name it by header id). */
    void seen(String contig) {
        String earlier = partOfContig.putIfAbsent(contig, part);
        if (earlier != null && !earlier.equals(part)) {
            throw new HapmatrixException(part + ": contig '" + contig + "' is also in " + earlier
                    + "; parts must hold different contigs (one run per group of contigs)");
        }
    }
}
