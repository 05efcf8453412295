package org.hapmatrix.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.hapmatrix.HapmatrixException;

/**
 * BCF 2.2 records, encoded as htslib's {@code vcf_parse} encodes the VCF line that
 * {@link VcfSiteFormatter} writes for the same site (same checks, same AC/AN, GT and PS), so that
 * {@code bcftools view} prints the same records from either file. Typed values take the smallest
 * integer type that holds them, as {@code bcf_enc_vint} does. Written straight into the reused
 * buffer: no per-site objects, as for the text formats (htsjdk's BCF2 writer needs a
 * VariantContext per site and one writer for the whole file, not the export's parallel parts).
 */
final class BcfSiteFormatter extends VcfSiteFormatter {
    /** The header dictionary's numbers (see {@link BcfCodec}): PASS 0, then AC, AN, GT, and PS when declared. */
    private static final int KEY_AC = 1;
    private static final int KEY_AN = 2;
    private static final int KEY_GT = 3;
    private static final int KEY_PS = 4;
    private static final int MISSING_QUAL = 0x7F800001;
    private static final int INT8 = 1;
    private static final int INT16 = 2;
    private static final int INT32 = 3;
    private static final int CHAR = 7;

    private final Map<String, Integer> contigIds = new HashMap<>();
    private String previousContig;
    private int contigId;

    BcfSiteFormatter(Context context, OutputStream out, BgzfPart index) {
        super(context, out, index);
        for (String contig : context.contigs()) {
            contigIds.put(contig, contigIds.size());
        }
    }

    @Override
    void putRecord(long position, boolean phaseSets) throws IOException {
        if (!contigName.equals(previousContig)) {
            Integer id = contigIds.get(contigName);
            if (id == null) {
                throw new HapmatrixException("contig '" + contigName + "' is not in the BCF header");
            }
            contigId = id;
            previousContig = contigName;
        }
        byte[] ref = recordRef;
        int altCount = recordAltCount;
        if (index != null) {
            flush();
            index.recordStart(contigName, position, position + ref.length - 1);
        }
        int alleleBytesTotal = typedStringSize(ref.length);
        for (int i = 0; i < altCount; i++) {
            alleleBytesTotal += typedStringSize(recordAlts[i].length);
        }
        int maxCount = 0;
        for (int i = 1; i <= altCount; i++) {
            maxCount = Math.max(maxCount, alleleCounts[i]);
        }
        int acType = intType(maxCount);
        int maxGenotype = 0;
        for (int i = 0; i < 2 * pairCount; i++) {
            maxGenotype = Math.max(maxGenotype, genotypes[i]);
        }
        // No ALT (--gaps missing at a site whose only ALT was -): the VCF line has no AC.
        boolean withAc = altCount > 0;
        int shared = 24 + 1 + alleleBytesTotal + 1
                + (withAc ? 2 + typedVectorSize(altCount, acType) : 0)
                + 2 + typedVectorSize(1, intType(called));
        int gtType = intType(encodedAllele(maxGenotype, true));
        // As the VCF line: GT:PS where the site has phase sets, else GT alone.
        boolean withPs = phaseSets && pairCount > 0;
        int psType = withPs ? intType(maxPhaseSet()) : INT8;
        int individual = pairCount == 0 ? 0 : 2 + 1 + 2 * pairCount * width(gtType)
                + (withPs ? 2 + 1 + pairCount * width(psType) : 0);
        ensureRoom(8 + shared + individual);
        putInt32(shared);
        putInt32(individual);
        putInt32(contigId);
        putInt32((int) (position - 1));
        putInt32(ref.length);
        putInt32(MISSING_QUAL);
        putInt32(((altCount + 1) << 16) | (withAc ? 2 : 1));
        putInt32(((pairCount == 0 ? 0 : withPs ? 2 : 1) << 24) | pairCount);
        buffer[length++] = (byte) CHAR; // ID: '.', an empty string
        putTypedString(ref);
        for (int i = 0; i < altCount; i++) {
            putTypedString(recordAlts[i]);
        }
        buffer[length++] = 0; // FILTER: '.', no filters
        if (withAc) {
            putKey(KEY_AC);
            putTypeByte(altCount, acType);
            for (int i = 1; i <= altCount; i++) {
                putValue(alleleCounts[i], acType);
            }
        }
        putKey(KEY_AN);
        putTypeByte(1, intType(called));
        putValue(called, intType(called));
        if (pairCount > 0) {
            putKey(KEY_GT);
            putTypeByte(2, gtType);
            for (int pair = 0; pair < pairCount; pair++) {
                putValue(encodedAllele(genotypes[2 * pair], false), gtType);
                putValue(encodedAllele(genotypes[2 * pair + 1], true), gtType);
            }
        }
        if (withPs) {
            putKey(KEY_PS);
            putTypeByte(1, psType);
            for (int pair = 0; pair < pairCount; pair++) {
                long phaseSet = recordPhaseSets[pair];
                putValue(isInt32(phaseSet) ? (int) phaseSet : missingValue(psType), psType);
            }
        }
        lineDone();
    }

    /**
     * The largest phase set of the record that BCF's int32 holds (0 if none). A larger one (the
     * VCF reader takes up to 18 digits) is written missing: what htslib makes of it when it reads
     * our VCF line ("Extreme FORMAT/PS value encountered and set to missing").
     */
    private int maxPhaseSet() {
        int max = 0;
        for (int pair = 0; pair < pairCount; pair++) {
            long phaseSet = recordPhaseSets[pair];
            if (isInt32(phaseSet)) {
                max = Math.max(max, (int) phaseSet);
            }
        }
        return max;
    }

    /** Whether a phase set is a value BCF's int32 holds (negative: none, written missing). */
    private static boolean isInt32(long phaseSet) {
        return phaseSet >= 0 && phaseSet <= Integer.MAX_VALUE;
    }

    /** BCF's missing value of an integer type: its smallest value. */
    private static int missingValue(int type) {
        return type == INT8 ? Byte.MIN_VALUE : type == INT16 ? Short.MIN_VALUE : Integer.MIN_VALUE;
    }

    /** htslib's GT value: (index + 1) << 1, or 0 for '.', with the phased bit on the second allele. */
    private static int encodedAllele(int gt, boolean phased) {
        return ((gt + 1) << 1) | (phased ? 1 : 0);
    }

    /** The smallest BCF integer type for a non-negative value (int8 reserves -128..-121 only). */
    private static int intType(int max) {
        return max <= Byte.MAX_VALUE ? INT8 : max <= Short.MAX_VALUE ? INT16 : INT32;
    }

    private static int width(int type) {
        return type == INT8 ? 1 : type == INT16 ? 2 : 4;
    }

    private static int typedVectorSize(int values, int type) {
        return (values < 15 ? 1 : 1 + 1 + width(intType(values))) + values * width(type);
    }

    private static int typedStringSize(int length) {
        return typedVectorSize(length, INT8);
    }

    private void putTypeByte(int values, int type) {
        if (values < 15) {
            buffer[length++] = (byte) ((values << 4) | type);
        } else {
            buffer[length++] = (byte) ((15 << 4) | type);
            int lengthType = intType(values);
            buffer[length++] = (byte) ((1 << 4) | lengthType);
            putValue(values, lengthType);
        }
    }

    private void putTypedString(byte[] text) {
        putTypeByte(text.length, CHAR);
        put(text);
    }

    /** A dictionary key: one int8 value. */
    private void putKey(int key) {
        buffer[length++] = (byte) ((1 << 4) | INT8);
        buffer[length++] = (byte) key;
    }

    private void putValue(int value, int type) {
        if (type == INT8) {
            buffer[length++] = (byte) value;
        } else if (type == INT16) {
            buffer[length++] = (byte) value;
            buffer[length++] = (byte) (value >>> 8);
        } else {
            putInt32(value);
        }
    }

    private void putInt32(int value) {
        buffer[length++] = (byte) value;
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 24);
    }
}
