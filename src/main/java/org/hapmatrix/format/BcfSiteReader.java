package org.hapmatrix.format;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.Compression;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.MatrixHeader;
import org.hapmatrix.matrix.PhaseSets;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.matrix.SiteBatch;
import org.hapmatrix.matrix.ValueDictionary;

/**
 * Reads BCF 2.1/2.2 records (decompressed by {@link MatrixInput}, so BGZF as {@code -Ob} or raw
 * as {@code -Ou}) into {@link SiteBatch}es, by the same model and rules as {@link VcfSiteReader}.
 * Only CHROM, POS, the alleles, GT and the phase-set tag are decoded; the rest of each record
 * is skipped by its lengths. Own code rather than htsjdk's BCF2Codec: that one decodes every
 * genotype into objects and fails on BCF 2.2's vector-end padding of haploid calls (bcftools
 * writes those for chrX/MT), "Index -65 out of bounds". Errors name the record's number,
 * counted from 1, where VCF names a line.
 */
final class BcfSiteReader extends FileSiteReader implements OpenedVcf.Reader {
    private static final Pattern ID = Pattern.compile("^##(FILTER|INFO|FORMAT|contig)=<ID=([^,>]+)(.*)$");
    private static final Pattern IDX = Pattern.compile("[<,]IDX=(\\d+)");
    private static final int TYPE_INT8 = 1;
    private static final int TYPE_INT16 = 2;
    private static final int TYPE_INT32 = 3;
    private static final int TYPE_FLOAT = 5;
    private static final int TYPE_CHAR = 7;

    private final InputStream in;
    private final VcfSamples samples;
    private final HaplotypeCalls calls;
    private final Set<String> keptContigs;
    private final boolean phaseSetsDeclared;
    /** Null unless the header declares the phase-set tag. */
    private final PhaseSets phaseSetList;
    /** Per sample at the current record: whether its call is phased diploid, and its phase set (-1 none). */
    private boolean[] phasedDiploid = new boolean[0];
    private long[] recordPhaseSets = new long[0];
    /** The header's contig names by BCF index, and its FILTER/INFO/FORMAT ids' dictionary. */
    private final List<String> contigNames;
    private final int gtKey;
    private final int phaseSetKey;
    private int[] contigCodes;
    private byte[] record = new byte[1 << 16];
    private int at;
    private long recordNumber;
    private String contigName;
    private long position;

    BcfSiteReader(MatrixInput input, VcfReadOptions options, Set<String> keptContigs) {
        super(input);
        this.in = input.stream();
        this.calls = new HaplotypeCalls(options, alleles);
        this.keptContigs = Set.copyOf(keptContigs);
        byte[] magic = new byte[5];
        byte[] lengthBytes = new byte[4];
        String text;
        try {
            readFully(magic, 5, true);
            readFully(lengthBytes, 4, true);
            long length = Integer.toUnsignedLong(intAt(lengthBytes, 0));
            if (length > MatrixParser.MAX_LINE_BYTES) {
                throw headerError("header of " + length + " bytes");
            }
            byte[] header = new byte[(int) length];
            readFully(header, header.length, true);
            int end = header.length;
            while (end > 0 && header[end - 1] == 0) {
                end--;
            }
            text = new String(header, 0, end, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw readError(e, "header");
        }
        Map<String, Integer> dictionary = new HashMap<>();
        List<String> contigList = new ArrayList<>();
        dictionary.put("PASS", 0);
        List<String> sampleNames = null;
        boolean declared = false;
        for (String line : text.split("\n")) {
            Matcher id = ID.matcher(line);
            if (id.matches()) {
                Matcher idx = IDX.matcher(id.group(3));
                Integer index = idx.find() ? Integer.valueOf(idx.group(1)) : null;
                if (id.group(1).equals("contig")) {
                    int at = index != null ? index : contigList.size();
                    while (contigList.size() <= at) {
                        contigList.add(null);
                    }
                    contigList.set(at, id.group(2));
                } else {
                    if (index != null) {
                        dictionary.put(id.group(2), index);
                    } else {
                        int next = dictionary.size();
                        dictionary.putIfAbsent(id.group(2), next);
                    }
                    declared |= id.group(1).equals("FORMAT") && id.group(2).equals(options.phaseSetTag());
                }
            } else if (line.startsWith("#CHROM")) {
                String[] columns = line.split("\t", -1);
                sampleNames = columns.length > 9 ? List.of(columns).subList(9, columns.length) : List.of();
            }
        }
        if (sampleNames == null) {
            throw headerError("no #CHROM line");
        }
        if (sampleNames.isEmpty()) {
            throw new HapmatrixException(input.name() + ": BCF has no sample column, so no genotype to make haplotypes of");
        }
        this.samples = VcfSamples.of(sampleNames, input.name(), 1);
        this.contigNames = contigList;
        this.contigCodes = new int[contigList.size()];
        java.util.Arrays.fill(contigCodes, -1);
        this.gtKey = dictionary.getOrDefault("GT", -1);
        this.phaseSetKey = dictionary.getOrDefault(options.phaseSetTag(), -1);
        this.phaseSetsDeclared = declared;
        this.phaseSetList = declared ? new PhaseSets(sampleNames) : null;
        this.phasedDiploid = new boolean[sampleNames.size()];
        this.recordPhaseSets = new long[sampleNames.size()];
        try {
            calls.missingCode();
        } catch (HaplotypeCalls.Rejected e) {
            throw new IllegalStateException(e);
        }
    }

    private HapmatrixException headerError(String what) {
        return new HapmatrixException(input.name() + ": not a readable BCF header (" + what + ")");
    }

    /** The header's contig names by BCF index (null for an index no ##contig line takes). */
    List<String> headerContigs() {
        return java.util.Collections.unmodifiableList(contigNames);
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
    public VcfSamples samples() {
        return samples;
    }

    @Override
    public String note() {
        return calls.note();
    }

    @Override
    public MatrixHeader header() {
        return samples.header();
    }

    @Override
    public List<SamplePair> defaultPairs() {
        return samples.pairs();
    }



    @Override
    public boolean fill(SiteBatch batch) {
        batch.clear();
        while (batch.size() < batch.capacity() && nextRecord()) {
            decode(batch);
        }
        return batch.size() > 0;
    }

    /** Reads the next record into {@link #record}; false at the end of the input. */
    private boolean nextRecord() {
        try {
            byte[] lengths = new byte[8];
            if (!readFully(lengths, 8, false)) {
                return false;
            }
            recordNumber++;
            long length = Integer.toUnsignedLong(intAt(lengths, 0)) + Integer.toUnsignedLong(intAt(lengths, 4));
            if (length > MatrixParser.MAX_LINE_BYTES || length < 24) {
                throw error("record length " + length + " is impossible; is this BCF damaged?");
            }
            if (record.length < length) {
                record = new byte[(int) Math.max(length, 2L * record.length)];
            }
            readFully(record, (int) length, true);
            sharedLength = intAt(lengths, 0);
            return true;
        } catch (IOException e) {
            throw readError(e, "record " + (recordNumber + 1));
        }
    }

    private int sharedLength;

    private void decode(SiteBatch batch) {
        int contigIndex = intAt(record, 0);
        position = Integer.toUnsignedLong(intAt(record, 4)) + 1;
        int alleleCount = (intAt(record, 16) >>> 16) & 0xFFFF;
        int formatCount = (record[23] & 0xFF);
        int sampleCount = intAt(record, 20) & 0xFFFFFF;
        if (contigIndex < 0 || contigIndex >= contigNames.size() || contigNames.get(contigIndex) == null) {
            throw error("CHROM index " + contigIndex + " is not a ##contig of the header");
        }
        contigName = contigNames.get(contigIndex);
        if (!keptContigs.isEmpty() && !keptContigs.contains(contigName)) {
            return;
        }
        if (sampleCount != samples.count()) {
            throw error(siteText() + sampleCount + " samples, the header has " + samples.count());
        }
        int contigCode = contigCodes[contigIndex];
        if (contigCode < 0) {
            contigCode = code(contigs, contigName.getBytes(StandardCharsets.UTF_8), "contig");
            contigCodes[contigIndex] = contigCode;
        }
        int row = batch.addRow(contigCode, position);
        at = 24;
        skipTyped(); // ID
        calls.startSite(alleleCount);
        for (int i = 0; i < alleleCount; i++) {
            int type = record[at] & 0x0F;
            int length = typedLength();
            if (type != TYPE_CHAR) {
                throw error(siteText() + "allele " + i + " is not a string");
            }
            String allele = new String(record, at, length, StandardCharsets.UTF_8);
            at += length;
            if (i > 0 && (allele.startsWith("<") || allele.contains("[") || allele.contains("]")
                    || (allele.length() > 1 && (allele.startsWith(".") || allele.endsWith("."))))) {
                throw error(siteText() + (allele.startsWith("<") ? "symbolic" : "breakend") + " ALT allele '" + allele
                        + "' has no sequence to put on a haplotype; drop such records first, e.g. bcftools view -e 'ALT~\"<\" || ALT~\"\\[\" || ALT~\"]\"'");
            }
            String value = allele.equals("*") ? Alleles.GAP : allele.equals(".") ? Alleles.MISSING : allele;
            int alleleCode = code(alleles, value.getBytes(StandardCharsets.UTF_8), i == 0 ? "REF" : "ALT");
            calls.setSiteAllele(i, alleleCode);
            if (i == 0) {
                batch.setAllele(0, row, alleleCode);
            }
        }
        if (alleleCount == 0) {
            throw error(siteText() + "no REF allele");
        }
        at = sharedLength;
        boolean genotypes = false;
        boolean phaseSetsHere = false;
        for (int format = 0; format < formatCount; format++) {
            int key = typedInt();
            int type = record[at] & 0x0F;
            int count = typedLength();
            int size = type == TYPE_INT8 || type == TYPE_CHAR ? 1 : type == TYPE_INT16 ? 2 : 4;
            if (key == gtKey && key >= 0) {
                if (type != TYPE_INT8 && type != TYPE_INT16 && type != TYPE_INT32) {
                    throw error(siteText() + "GT is not an integer vector");
                }
                readGenotypes(batch, row, type, count);
                genotypes = true;
            } else if (key == phaseSetKey && key >= 0 && phaseSetList != null && count >= 1
                    && (type == TYPE_INT8 || type == TYPE_INT16 || type == TYPE_INT32)) {
                readPhaseSets(type, count);
                phaseSetsHere = true;
            }
            at += samples.count() * count * size;
        }
        if (!genotypes) {
            for (int sample = 0; sample < samples.count(); sample++) {
                place(batch, row, sample, -1, -1, 0, true);
            }
        }
        if (phaseSetsHere && genotypes) {
            for (int sample = 0; sample < samples.count(); sample++) {
                // VCF 4.2/4.3: the phase set of an unphased call is ignored.
                if (phasedDiploid[sample] && recordPhaseSets[sample] >= 0) {
                    phaseSetList.add(sitesRead, sample, recordPhaseSets[sample]);
                }
            }
        }
        sitesRead++;
    }

    /** Each sample's GT: values {@code (allele + 1) << 1 | phased}, 0 a missing allele, padded by vector-end. */
    private void readGenotypes(SiteBatch batch, int row, int type, int count) {
        int size = type == TYPE_INT8 ? 1 : type == TYPE_INT16 ? 2 : 4;
        int vectorEnd = type == TYPE_INT8 ? -127 : type == TYPE_INT16 ? -32767 : Integer.MIN_VALUE + 1;
        int from = at;
        for (int sample = 0; sample < samples.count(); sample++) {
            int first = -1;
            int second = -1;
            int ploidy = 0;
            boolean phased = true;
            for (int i = 0; i < count; i++) {
                int offset = from + (sample * count + i) * size;
                int value = size == 1 ? record[offset] : size == 2 ? shortAt(record, offset) : intAt(record, offset);
                if (value == vectorEnd) {
                    break;
                }
                int allele = (value >> 1) - 1;
                if (ploidy == 0) {
                    first = allele;
                } else if (ploidy == 1) {
                    second = allele;
                    phased = (value & 1) == 1;
                }
                ploidy++;
            }
            if (ploidy == 1 && first < 0) {
                ploidy = 0;
            }
            place(batch, row, sample, first, second, ploidy, phased);
            phasedDiploid[sample] = ploidy == 2 && phased;
        }
    }

    /** Each sample's first value of the phase-set tag; missing (and vector-end) as -1. */
    private void readPhaseSets(int type, int count) {
        int size = type == TYPE_INT8 ? 1 : type == TYPE_INT16 ? 2 : 4;
        for (int sample = 0; sample < samples.count(); sample++) {
            int offset = at + sample * count * size;
            int value = size == 1 ? record[offset] : size == 2 ? shortAt(record, offset) : intAt(record, offset);
            int missing = size == 1 ? -128 : size == 2 ? -32768 : Integer.MIN_VALUE;
            recordPhaseSets[sample] = value == missing || value == missing + 1 ? -1 : Integer.toUnsignedLong(value);
        }
    }

    private void place(SiteBatch batch, int row, int sample, int first, int second, int ploidy, boolean phased) {
        try {
            calls.place(batch, row, sample, first, second, ploidy, phased);
        } catch (HaplotypeCalls.Rejected e) {
            throw error(siteText() + "sample '" + samples.name(sample) + "': " + e.getMessage());
        }
    }

    /** Skips one typed value (descriptor, optional count, values). */
    private void skipTyped() {
        int type = record[at] & 0x0F;
        int count = typedLength();
        int size = type == TYPE_INT16 ? 2 : type == TYPE_INT32 || type == TYPE_FLOAT ? 4 : type == 0 ? 0 : 1;
        at += count * size;
    }

    /** Reads a typed descriptor (and its count if 15 or more); returns the count, leaving {@link #at} at the values. */
    private int typedLength() {
        int descriptor = record[at++] & 0xFF;
        int count = descriptor >>> 4;
        return count == 15 ? typedInt() : count;
    }

    /** A typed single integer (a key or a count). */
    private int typedInt() {
        int type = record[at++] & 0x0F;
        int value;
        switch (type) {
            case TYPE_INT8 -> value = record[at];
            case TYPE_INT16 -> value = shortAt(record, at);
            case TYPE_INT32 -> value = intAt(record, at);
            default -> throw error("a typed integer of type " + type + "; is this BCF damaged?");
        }
        at += type == TYPE_INT8 ? 1 : type == TYPE_INT16 ? 2 : 4;
        return value;
    }

    private int code(ValueDictionary dictionary, byte[] value, String what) {
        try {
            return dictionary.codeOf(value, 0, value.length);
        } catch (ValueDictionary.RejectedValue e) {
            throw error(siteText() + e.getMessage() + " (" + what + ")");
        }
    }

    private String siteText() {
        return "contig '" + contigName + "', position " + position + ": ";
    }

    private HapmatrixException error(String what) {
        return new HapmatrixException(input.name() + ": record " + recordNumber + ": " + what);
    }

    private HapmatrixException readError(IOException e, String where) {
        if (e instanceof EOFException) {
            return new HapmatrixException(input.name() + ": " + where + ": BCF is truncated" + (e.getMessage() == null
                    || e.getMessage().isEmpty() ? "" : " (" + e.getMessage() + ")"));
        }
        if (e instanceof ZipException zip) {
            return new HapmatrixException(input.name() + ": " + where + ": " + Compression.corruptDataMessage(zip));
        }
        return new HapmatrixException(input.name() + ": " + where + ": read failed: " + e.getMessage(), e);
    }

    /** Reads {@code length} bytes; at the very start of a read, the end of input returns false unless required. */
    private boolean readFully(byte[] into, int length, boolean required) throws IOException {
        int read = 0;
        while (read < length) {
            int n = in.read(into, read, length - read);
            if (n < 0) {
                if (read == 0 && !required) {
                    return false;
                }
                throw new EOFException();
            }
            read += n;
        }
        return true;
    }

    /** The contig names of the header of the BCF at {@code path}, by their number (IDX). */
    static List<String> headerContigsOf(String path) {
        MatrixInput input = MatrixInput.open(path);
        try (BcfSiteReader reader = new BcfSiteReader(input, VcfReadOptions.DEFAULT, Set.of())) {
            return reader.headerContigs();
        }
    }

    private static int intAt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
    }

    private static int shortAt(byte[] bytes, int offset) {
        return (short) ((bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8);
    }






    @Override
    public void close() {
        super.close();
        if (phaseSetList != null) {
            phaseSetList.close();
        }
    }
}
