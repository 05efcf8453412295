package org.hapmatrix.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.Compression;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.MatrixHeader;
import org.hapmatrix.matrix.PhaseSets;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SiteBatch;
import org.hapmatrix.matrix.Utf8;
import org.hapmatrix.matrix.ValueDictionary;

/**
 * Reads VCF text (plain, gzip or BGZF, decompressed by {@link MatrixInput}) byte by byte into
 * {@link SiteBatch}es: each sample becomes two haplotype columns ({@link VcfSamples}), its GT
 * turned into their alleles by {@link HaplotypeCalls}. Only CHROM, POS, REF, ALT, FORMAT and each
 * sample's GT (and phase-set tag) are read; ID, QUAL, FILTER and INFO are skipped unparsed.
 * Any defect stops it with "FILE:LINE: what is wrong".
 */
final class VcfSiteReader extends FileSiteReader implements OpenedVcf.Reader {
    private static final byte TAB = '\t';
    private static final byte[] GT = {'G', 'T'};
    private static final byte[] COLUMNS_LINE = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final VcfSamples samples;
    private final MatrixHeader header;
    private final HaplotypeCalls calls;
    private final boolean phaseSetsDeclared;
    private final byte[] phaseSetTag;
    /** Null unless the header declares the phase-set tag. */
    private PhaseSets phaseSetList;

    private byte[] buffer = new byte[1 << 20];
    private int bufferStart;
    private int bufferEnd;
    private int scanFrom;
    private boolean endOfInput;
    private int lineStart;
    private int lineEnd;
    private long lineNumber;

    private byte[] lastContig = new byte[0];
    private int lastContigCode = -1;
    private String contigName;
    private long position;
    /** The FORMAT of the previous record, and where GT and the phase-set tag are in it. */
    private byte[] lastFormat = new byte[0];
    /** Which sub-field of FORMAT is GT: 0 as VCF requires, later in some files (Complete Genomics'), -1 none. */
    private int gtIndex = -1;
    private int phaseSetIndex = -1;

    /** Contigs to keep (all when empty): the others' records are skipped unparsed ({@code load --contigs} without an index). */
    private final java.util.Set<String> keptContigs;
    private byte[] lastSkippedContig = new byte[0];

    VcfSiteReader(MatrixInput input, VcfReadOptions options, java.util.Set<String> keptContigs) {
        super(input);
        this.keptContigs = java.util.Set.copyOf(keptContigs);
        this.in = input.stream();
        this.calls = new HaplotypeCalls(options, alleles);
        this.phaseSetTag = options.phaseSetTag().getBytes(StandardCharsets.UTF_8);
        boolean declared = false;
        String formatLine = "##FORMAT=<ID=" + options.phaseSetTag() + ",";
        while (true) {
            if (!nextLine()) {
                throw error(lineNumber + 1, "VCF ends before its #CHROM header line");
            }
            if (lineNumber == 1) {
                lineStart += Utf8.byteOrderMarkLength(buffer, lineStart, lineEnd);
            }
            if (lineEnd - lineStart >= 2 && buffer[lineStart] == '#' && buffer[lineStart + 1] == '#') {
                if (startsWith(formatLine)) {
                    declared = true;
                }
                continue;
            }
            break;
        }
        this.phaseSetsDeclared = declared;
        if (!Arrays.equals(buffer, lineStart, Math.min(lineEnd, lineStart + COLUMNS_LINE.length), COLUMNS_LINE, 0,
                COLUMNS_LINE.length)) {
            throw error(lineNumber, "expected the #CHROM header line (#CHROM POS ID REF ALT QUAL FILTER INFO ...)");
        }
        String line = Utf8.decode(buffer, lineStart, lineEnd)
                .orElseThrow(() -> error(lineNumber, "#CHROM line is not valid UTF-8"));
        String[] columns = line.split("\t", -1);
        List<String> sampleNames = columns.length > 9 ? Arrays.asList(columns).subList(9, columns.length) : List.of();
        if (sampleNames.isEmpty()) {
            throw error(lineNumber, "VCF has no sample column, so no genotype to make haplotypes of");
        }
        this.samples = VcfSamples.of(sampleNames, input.name(), lineNumber);
        this.header = samples.header();
        this.phaseSetList = declared ? new PhaseSets(sampleNames) : null;
        try {
            // Registered first so that a missing call after the first batch does not grow the alphabet.
            calls.missingCode();
        } catch (HaplotypeCalls.Rejected e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean startsWith(String prefix) {
        byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
        return lineEnd - lineStart >= bytes.length
                && Arrays.equals(buffer, lineStart, lineStart + bytes.length, bytes, 0, bytes.length);
    }

    @Override
    public boolean phaseSetsDeclared() {
        return phaseSetsDeclared;
    }

    @Override
    public PhaseSets phaseSets() {
        return phaseSetList;
    }

    @Override
    public MatrixHeader header() {
        return header;
    }

    @Override
    public List<SamplePair> defaultPairs() {
        return samples.pairs();
    }








    @Override
    public VcfSamples samples() {
        return samples;
    }

    @Override
    public String note() {
        return calls.note();
    }

    @Override
    public void close() {
        super.close();
        if (phaseSetList != null) {
            // The loader reads them before it closes the reader.
            phaseSetList.close();
        }
    }

    @Override
    public boolean fill(SiteBatch batch) {
        batch.clear();
        while (batch.size() < batch.capacity()) {
            if (!nextLine()) {
                break;
            }
            if (lineStart == lineEnd || (!keptContigs.isEmpty() && skipped())) {
                continue; // a blank line (often the last one) carries nothing
            }
            parseRecord(batch);
        }
        return batch.size() > 0;
    }

    /** Whether the current record's contig is not one of {@link #keptContigs}. */
    private boolean skipped() {
        int end = indexOf(buffer, TAB, lineStart, lineEnd);
        if (Arrays.equals(buffer, lineStart, end, lastSkippedContig, 0, lastSkippedContig.length)) {
            return true;
        }
        if (Arrays.equals(buffer, lineStart, end, lastContig, 0, lastContig.length)) {
            return false;
        }
        String contig = new String(buffer, lineStart, end - lineStart, StandardCharsets.UTF_8);
        if (keptContigs.contains(contig)) {
            return false;
        }
        lastSkippedContig = Arrays.copyOfRange(buffer, lineStart, end);
        return true;
    }

    private void parseRecord(SiteBatch batch) {
        final byte[] line = buffer;
        final int end = lineEnd;
        int fieldEnd = indexOf(line, TAB, lineStart, end);
        int contigCode = contigCode(lineStart, fieldEnd);
        int fieldStart = nextField(fieldEnd, 1);
        fieldEnd = indexOf(line, TAB, fieldStart, end);
        position = parsePosition(fieldStart, fieldEnd);
        int row = batch.addRow(contigCode, position);
        fieldStart = nextField(fieldEnd, 2); // ID
        fieldEnd = indexOf(line, TAB, fieldStart, end);
        fieldStart = nextField(fieldEnd, 3); // REF
        fieldEnd = indexOf(line, TAB, fieldStart, end);
        int refEnd = fieldEnd;
        int refStart = fieldStart;
        fieldStart = nextField(fieldEnd, 4); // ALT
        fieldEnd = indexOf(line, TAB, fieldStart, end);
        readAlleles(refStart, refEnd, fieldStart, fieldEnd);
        batch.setAllele(0, row, refCode);
        for (int column = 5; column <= 8; column++) { // QUAL, FILTER, INFO, FORMAT
            fieldStart = nextField(fieldEnd, column);
            fieldEnd = indexOf(line, TAB, fieldStart, end);
        }
        readFormat(fieldStart, fieldEnd);
        int sampleCount = samples.count();
        for (int sample = 0; sample < sampleCount; sample++) {
            fieldStart = nextField(fieldEnd, 9 + sample);
            fieldEnd = readCall(batch, row, sample, fieldStart, end);
        }
        if (fieldEnd != end) {
            throw error(lineNumber, "expected " + (9 + sampleCount) + " columns as in the #CHROM line, found "
                    + countFields());
        }
        sitesRead++;
    }

    private int refCode;

    /** Sets the site's alleles: REF then each ALT, as dictionary codes; {@code *} is the gap, {@code .} N. */
    private void readAlleles(int refStart, int refEnd, int altStart, int altEnd) {
        if (refStart == refEnd) {
            throw error(lineNumber, "empty REF");
        }
        int count = 1;
        boolean noAlt = altEnd - altStart == 1 && buffer[altStart] == '.';
        if (!noAlt) {
            for (int i = altStart; i < altEnd; i++) {
                if (buffer[i] == ',') {
                    count++;
                }
            }
            count++;
        }
        calls.startSite(count);
        refCode = alleleCode(refStart, refEnd, "REF");
        calls.setSiteAllele(0, refCode);
        if (noAlt) {
            return;
        }
        int index = 1;
        int start = altStart;
        for (int i = altStart; i <= altEnd; i++) {
            if (i == altEnd || buffer[i] == ',') {
                checkPlainAllele(start, i);
                calls.setSiteAllele(index++, alleleCode(start, i, "ALT"));
                start = i + 1;
            }
        }
    }

    private void checkPlainAllele(int from, int to) {
        if (from == to) {
            throw error(lineNumber, siteText() + "empty ALT allele");
        }
        boolean symbolic = buffer[from] == '<';
        boolean breakend = false;
        for (int i = from; i < to && !symbolic; i++) {
            byte b = buffer[i];
            breakend |= b == '[' || b == ']';
        }
        breakend |= to - from > 1 && (buffer[from] == '.' || buffer[to - 1] == '.');
        if (symbolic || breakend) {
            String allele = new String(buffer, from, Math.min(to - from, 60), StandardCharsets.UTF_8);
            throw error(lineNumber, siteText() + (symbolic ? "symbolic" : "breakend") + " ALT allele '" + allele
                    + "' has no sequence to put on a haplotype; drop such records first, e.g. bcftools view -e 'ALT~\"<\" || ALT~\"\\[\" || ALT~\"]\"'");
        }
    }

    private int alleleCode(int from, int to, String what) {
        if (to - from == 1) {
            byte b = buffer[from];
            int known = alleles.knownSingleByteCode(b == '*' ? (byte) '-' : b == '.' ? (byte) 'N' : b);
            if (known >= 0) {
                return known;
            }
            if (b == '*' || b == '.') {
                byte[] mapped = {b == '*' ? (byte) '-' : (byte) 'N'};
                return dictionaryCode(mapped, 0, 1, what);
            }
        }
        return dictionaryCode(buffer, from, to, what);
    }

    private int dictionaryCode(byte[] bytes, int from, int to, String what) {
        try {
            return alleles.codeOf(bytes, from, to);
        } catch (ValueDictionary.RejectedValue e) {
            throw error(lineNumber, siteText() + e.getMessage() + " (" + what + ")");
        }
    }

    /** Notes where GT and the phase-set tag are in FORMAT; a record's FORMAT is mostly the previous one's. */
    private void readFormat(int from, int to) {
        if (Arrays.equals(buffer, from, to, lastFormat, 0, lastFormat.length)) {
            return;
        }
        lastFormat = Arrays.copyOfRange(buffer, from, to);
        // VCF: "the first sub-field must always be the genotype (GT) if it is present"; bcftools
        // finds it anywhere, and so does this reader.
        gtIndex = -1;
        phaseSetIndex = -1;
        int index = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || buffer[i] == ':') {
                if (Arrays.equals(buffer, start, i, phaseSetTag, 0, phaseSetTag.length)) {
                    phaseSetIndex = index;
                }
                if (i - start == 2 && buffer[start] == 'G' && buffer[start + 1] == 'T' && gtIndex < 0) {
                    gtIndex = index;
                }
                index++;
                start = i + 1;
            }
        }
    }

    /** Reads one sample's call from {@code from}; returns where its field ends (a tab or the line's end). */
    private int readCall(SiteBatch batch, int row, int sample, int from, int end) {
        final byte[] line = buffer;
        try {
            if (gtIndex != 0) {
                return readLaterCall(batch, row, sample, from, end);
            }
            // The usual call: one digit, | or /, one digit, then the field's end or ':'.
            if (from + 3 <= end) {
                int a = line[from] - '0';
                byte separator = line[from + 1];
                int b = line[from + 2] - '0';
                int after = from + 3;
                if (a >= 0 && a <= 9 && b >= 0 && b <= 9 && (separator == '|' || separator == '/')
                        && (after == end || line[after] == TAB || line[after] == ':')) {
                    calls.place(batch, row, sample, a, b, 2, separator == '|');
                    if (after == end || line[after] == TAB) {
                        return after;
                    }
                    int fieldEnd = indexOf(line, TAB, after, end);
                    if (separator == '|' && phaseSetIndex > 0 && phaseSetList != null) {
                        recordPhaseSet(sample, from, fieldEnd);
                    }
                    return fieldEnd;
                }
            }
            return readAnyCall(batch, row, sample, from, end);
        } catch (HaplotypeCalls.Rejected e) {
            throw error(lineNumber, siteText() + "sample '" + samples.name(sample) + "': " + e.getMessage());
        }
    }

    /** A call whose GT is not the first sub-field (or absent: no call). */
    private int readLaterCall(SiteBatch batch, int row, int sample, int from, int end) throws HaplotypeCalls.Rejected {
        int fieldEnd = indexOf(buffer, TAB, from, end);
        int start = from;
        for (int index = 0; index < gtIndex && start <= fieldEnd; index++) {
            start = indexOf(buffer, (byte) ':', start, fieldEnd) + 1;
        }
        if (gtIndex < 0 || start > fieldEnd) {
            calls.place(batch, row, sample, -1, -1, 0, true);
        } else {
            readAnyCall(batch, row, sample, start, end);
        }
        return fieldEnd;
    }

    /** Any GT: missing alleles, indices above 9, one allele or several. */
    private int readAnyCall(SiteBatch batch, int row, int sample, int from, int end) throws HaplotypeCalls.Rejected {
        final byte[] line = buffer;
        int first = -1;
        int second = -1;
        int ploidy = 0;
        boolean phased = true;
        int i = from;
        while (true) {
            int allele;
            if (i < end && line[i] == '.') {
                allele = -1;
                i++;
            } else {
                long value = 0;
                int start = i;
                while (i < end && line[i] >= '0' && line[i] <= '9' && i - start < 9) {
                    value = value * 10 + (line[i] - '0');
                    i++;
                }
                if (i == start) {
                    throw new HaplotypeCalls.Rejected("GT '" + fieldText(from, end) + "' is not a genotype");
                }
                allele = (int) value;
            }
            if (ploidy == 0) {
                first = allele;
            } else if (ploidy == 1) {
                second = allele;
            }
            ploidy++;
            if (i < end && (line[i] == '|' || line[i] == '/')) {
                // VCF 4.3: the separator before the second allele says the call's phase.
                if (ploidy == 1) {
                    phased = line[i] == '|';
                }
                i++;
                continue;
            }
            break;
        }
        if (i != end && line[i] != TAB && line[i] != ':') {
            throw new HaplotypeCalls.Rejected("GT '" + fieldText(from, end) + "' is not a genotype");
        }
        if (ploidy == 1 && first < 0) {
            ploidy = 0; // a lone '.': no call
        }
        calls.place(batch, row, sample, first, second, ploidy, phased);
        int fieldEnd = i == end || line[i] == TAB ? i : indexOf(line, TAB, i, end);
        if (ploidy == 2 && phased && phaseSetIndex >= 0 && phaseSetList != null) {
            int fieldStart = from;
            while (fieldStart > lineStart && line[fieldStart - 1] != TAB) {
                fieldStart--; // GT may not be the first sub-field
            }
            recordPhaseSet(sample, fieldStart, fieldEnd);
        }
        return fieldEnd;
    }

    /**
     * Keeps the phase set of a phased call whose sample field is {@code [from, to)}; a missing tag or
     * value ({@code .}) keeps none: VCF 4.2/4.3 put such calls in one set per contig.
     */
    private void recordPhaseSet(int sample, int from, int to) throws HaplotypeCalls.Rejected {
        int start = from;
        for (int index = 0; index < phaseSetIndex; index++) {
            start = indexOf(buffer, (byte) ':', start, to) + 1;
            if (start > to) {
                return;
            }
        }
        int end = indexOf(buffer, (byte) ':', start, to);
        if (end == start || (end - start == 1 && buffer[start] == '.')) {
            return;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw phaseSetRejected(start, end, "is not a non-negative integer");
            }
            value = Math.min(value * 10 + digit, Integer.MAX_VALUE + 1L); // saturated: any more digits are as wrong
        }
        // VCF's Integer is 32-bit: htslib reads a larger PS as missing, which would put the call in
        // the contig's one phase set unasked; reading the file through bcftools view does that.
        if (value > Integer.MAX_VALUE) {
            throw phaseSetRejected(start, end, "is above " + Integer.MAX_VALUE
                    + ", the largest VCF Integer (bcftools view reads it as missing)");
        }
        phaseSetList.add(sitesRead, sample, value);
    }

    private HaplotypeCalls.Rejected phaseSetRejected(int from, int to, String what) {
        return new HaplotypeCalls.Rejected("phase set " + new String(phaseSetTag, StandardCharsets.UTF_8) + "='"
                + new String(buffer, from, Math.min(to - from, 40), StandardCharsets.UTF_8) + "' " + what);
    }

    private String fieldText(int from, int end) {
        int to = indexOf(buffer, TAB, from, end);
        int colon = indexOf(buffer, (byte) ':', from, to);
        return new String(buffer, from, Math.min(colon - from, 40), StandardCharsets.UTF_8);
    }

    private int nextField(int fieldEnd, int column) {
        if (fieldEnd == lineEnd) {
            int expected = 9 + samples.count();
            throw error(lineNumber, "expected " + expected + " columns as in the #CHROM line, found " + column);
        }
        return fieldEnd + 1;
    }

    private String siteText() {
        return "contig '" + contigName + "', position " + position + ": ";
    }

    private int contigCode(int from, int to) {
        if (from == to) {
            throw error(lineNumber, "empty CHROM");
        }
        if (Arrays.equals(buffer, from, to, lastContig, 0, lastContig.length)) {
            return lastContigCode;
        }
        try {
            lastContigCode = contigs.codeOf(buffer, from, to);
        } catch (ValueDictionary.RejectedValue e) {
            throw error(lineNumber, e.getMessage());
        }
        lastContig = Arrays.copyOfRange(buffer, from, to);
        contigName = contigs.value(lastContigCode);
        return lastContigCode;
    }

    private long parsePosition(int from, int to) {
        long value = 0;
        boolean valid = from < to && to - from <= 18;
        for (int i = from; valid && i < to; i++) {
            int digit = buffer[i] - '0';
            valid = digit >= 0 && digit <= 9;
            value = value * 10 + digit;
        }
        if (!valid) {
            throw error(lineNumber, "contig '" + contigName + "': POS '"
                    + new String(buffer, from, Math.min(to - from, 40), StandardCharsets.UTF_8) + "' is not a position");
        }
        return value;
    }

    private int countFields() {
        int fields = 1;
        for (int i = lineStart; i < lineEnd; i++) {
            if (buffer[i] == TAB) {
                fields++;
            }
        }
        return fields;
    }

    private HapmatrixException error(long line, String what) {
        return HapmatrixException.at(input.name(), line, what);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /** Advances to the next line, without its line end (LF or CRLF); false at the end of input. */
    private boolean nextLine() {
        while (true) {
            for (int i = scanFrom; i < bufferEnd; i++) {
                if (buffer[i] == '\n') {
                    setLine(bufferStart, i);
                    bufferStart = i + 1;
                    scanFrom = bufferStart;
                    return true;
                }
            }
            scanFrom = bufferEnd;
            if (endOfInput) {
                if (bufferStart < bufferEnd) {
                    setLine(bufferStart, bufferEnd);
                    bufferStart = bufferEnd;
                    return true;
                }
                return false;
            }
            readMore();
        }
    }

    private void setLine(int start, int end) {
        lineNumber++;
        lineStart = start;
        lineEnd = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
    }

    private void readMore() {
        int pending = bufferEnd - bufferStart;
        if (bufferStart > 0) {
            System.arraycopy(buffer, bufferStart, buffer, 0, pending);
            scanFrom -= bufferStart;
            bufferStart = 0;
            bufferEnd = pending;
        }
        if (bufferEnd == buffer.length) {
            if (buffer.length >= MatrixParser.MAX_LINE_BYTES) {
                throw error(lineNumber + 1, "line longer than " + (MatrixParser.MAX_LINE_BYTES >> 20) + " MiB");
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        try {
            int n = in.read(buffer, bufferEnd, buffer.length - bufferEnd);
            if (n < 0) {
                endOfInput = true;
            } else {
                bufferEnd += n;
            }
        } catch (IOException e) {
            throw error(lineNumber + 1, Compression.readFailureMessage(e));
        }
    }
}
