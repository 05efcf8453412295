package org.hapmatrix.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.format.BgzfPart;
import org.hapmatrix.format.IndexKind;
import org.hapmatrix.format.OutputCodec;
import org.hapmatrix.format.TabixIndexWriter;
import org.hapmatrix.io.OutputTarget;
import org.hapmatrix.io.TemporaryFiles;
import org.hapmatrix.store.ContigInfo;

/**
 * The output that exports append their sites to: one export's, or every segment's of a convert
 * by segments. It writes the header once, keeps where the next byte lands (a BGZF output's
 * records are indexed by their place), builds the index as the records come (bins and offsets
 * only: {@link TabixIndexWriter}) and ends the output in {@link #finish}: BGZF's end-of-file
 * block, then the index.
 *
 * <p>A header that lists every contig (VCF, BCF) is known only after the last segment. With
 * {@code headerLast}, the records go to a part file beside the output instead, the contigs are
 * collected as the exports come, and {@link #finish} writes the header (its own BGZF blocks for
 * a BGZF output) and appends the part after it as it is (a copy by the kernel, nothing
 * compressed again); the index's offsets move by the header's size. The bytes are those one
 * export of the whole matrix writes.
 *
 * <p>A BGZF output is cut into blocks by the export's work units (each compressed by its worker).
 * So that segments make the same blocks, their units end where one export's units would, and
 * a unit cut by a segment's end stays open ({@link #openPart}): the next segment's first unit
 * goes on compressing into it, and {@link #finish} ends one still open.
 */
public final class ExportOutput implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 16;

    private final ExportLayout layout;
    private final OutputTarget target;
    private final String source;
    /** The part the records go to until {@link #finish}, or null when they go straight to the output. */
    private final Path body;
    private final OutputStream records;
    private final TabixIndexWriter tabix;
    /** The contigs of the exports so far, in output order (a contig cut by a segment's end once). */
    private final List<String> contigs = new ArrayList<>();
    private final boolean segmented;
    /** Matrix rows of the exports so far (a segment's rows go on from there). */
    private long rowsBefore;
    /** The BGZF part of a unit cut by the last segment's end, and where its first block is in the output; or null. */
    private BgzfPart openPart;
    private long openPartOrigin;
    private OutputCodec.HeaderFields headerFields;
    private boolean headerWritten;
    /** Bytes written to {@link #records} so far: for a BGZF output, where the next part's blocks start. */
    private long offset;

    /**
     * @param source    names the data in messages
     * @param segmented whether several exports (segments of one matrix) append to it; the header
     *                  then waits for the last if it lists the contigs
     */
    public ExportOutput(ExportLayout layout, OutputTarget target, String source, boolean segmented) {
        boolean headerLast = segmented && layout.format().headerListsContigs();
        this.segmented = segmented;
        this.layout = layout;
        this.target = target;
        this.source = source;
        this.tabix = layout.indexed() ? layout.format().indexWriter() : null;
        if (headerLast) {
            this.body = target.createPartBeside();
            try {
                this.records = new BufferedOutputStream(Files.newOutputStream(body, StandardOpenOption.WRITE), BUFFER_BYTES);
            } catch (IOException e) {
                TemporaryFiles.delete(body);
                throw target.writeFailure(e);
            }
        } else {
            this.body = null;
            this.records = target.stream();
        }
    }

    /**
     * Starts an export of {@code plan}: writes the header if it goes first and is not written yet.
     * Returns the contigs a formatter numbers (BCF): every contig exported so far, this export's
     * included.
     */
    List<String> start(ExportPlan plan, boolean phaseSets) throws IOException {
        List<String> planContigs = plan.contigs().stream().map(ContigInfo::name).toList();
        for (String contig : planContigs) {
            if (contigs.isEmpty() || !contigs.get(contigs.size() - 1).equals(contig)) {
                contigs.add(contig);
            }
        }
        if (tabix != null) {
            tabix.declareContigs(contigs);
        }
        headerFields = new OutputCodec.HeaderFields(plan.pairs(), contigs, layout.commandLine(),
                OutputOptionsLine.of(layout, plan), phaseSets);
        if (body == null && !headerWritten) {
            byte[] header = header();
            records.write(header);
            offset += header.length;
            headerWritten = true;
        }
        return List.copyOf(contigs);
    }

    private byte[] header() throws IOException {
        byte[] header = layout.format().header(headerFields);
        return layout.bgzfParts() ? BgzfPart.compress(header) : header;
    }

    /** The error for a failed write, naming the output. */
    HapmatrixException writeFailure(IOException e) {
        return target.writeFailure(e);
    }

    /** Where the parts' bytes go. */
    OutputStream records() {
        return records;
    }

    /** The rows the export's first unit may take: up to where one export's unit of the whole matrix ends. */
    long firstUnitRows(long rowsPerUnit) {
        return rowsPerUnit - rowsBefore % rowsPerUnit;
    }

    /** The BGZF part of a unit the last export left open, which this export's first unit goes on with; or null. */
    BgzfPart openPart() {
        return openPart;
    }

    /** Whether an export of {@code rows} leaves its last unit's BGZF part open: a later segment goes on with it. */
    boolean keepsLastPartOpen(long rows, long rowsPerUnit) {
        return segmented && layout.bgzfParts() && (rowsBefore + rows) % rowsPerUnit != 0;
    }

    /**
     * A part's {@code bytes} were written; {@code part} holds its records' places for the index
     * (null: none), {@code keptOpen} whether it goes on in the next export.
     */
    void partWritten(BgzfPart part, long bytes, boolean keptOpen) {
        long origin = part != null && part == openPart ? openPartOrigin : offset;
        if (tabix != null) {
            tabix.addPart(part, origin, source);
            part.clearRecords();
        }
        offset += bytes;
        openPart = keptOpen ? part : null;
        openPartOrigin = origin;
    }

    /** An export of {@code rows} matrix rows has been appended. */
    void exported(long rows) {
        rowsBefore += rows;
    }

    /**
     * Ends the output: the header and the records if the header came last, BGZF's end-of-file
     * block, and the index (into {@code index}, opened once its kind is known; null without
     * index). The output itself is committed by its owner.
     */
    public void finish(IndexOutput index) {
        OutputStream out = target.stream();
        long headerBytes = 0;
        try {
            if (openPart != null) {
                Counted last = new Counted(records);
                openPart.continueInto(last);
                openPart.finish();
                partWritten(openPart, last.bytes, false);
            }
            if (body != null) {
                records.close();
                byte[] header = header();
                out.write(header);
                headerBytes = header.length;
                target.append(body);
                TemporaryFiles.delete(body);
            }
            if (layout.bgzfParts()) {
                out.write(TabixIndexWriter.END_OF_FILE);
            }
            if (tabix != null) {
                out.flush(); // the data's last write before the index's: htslib warns about an index older than its data
                IndexKind kind = indexKind();
                OutputTarget indexTarget = index.open(kind);
                try {
                    tabix.shift(headerBytes);
                    tabix.write(headerBytes + offset, indexTarget.stream(), kind);
                } catch (IOException e) {
                    throw indexTarget.writeFailure(e);
                }
            }
        } catch (IOException e) {
            throw target.writeFailure(e);
        }
    }

    /**
     * The index asked for, or a .csi when a position is beyond a .tbi's reach and the .tbi was only
     * the format's default; {@code --index tbi} itself then fails, as any index does for a position
     * beyond a .csi's reach.
     */
    private IndexKind indexKind() {
        if (!tabix.fitsCsi()) {
            throw new HapmatrixException(source + ": " + tabix.beyondCsi() + ": beyond " + TabixIndexWriter.MAX_CSI_END
                    + ", the last position a .csi index holds; write the output without an index (--index none)");
        }
        if (layout.index() != IndexKind.tbi || tabix.fitsTbi()) {
            return layout.index();
        }
        if (layout.indexGiven()) {
            throw new HapmatrixException(source + ": " + tabix.beyondTbi() + ": beyond " + TabixIndexWriter.MAX_TBI_END
                    + ", the last position a .tbi index holds; use --index csi (or leave --index out)");
        }
        return IndexKind.csi;
    }

    /** Counts the bytes passed on, and leaves the stream open. */
    private static final class Counted extends OutputStream {
        private final OutputStream out;
        long bytes;

        Counted(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            bytes += length;
        }

        @Override
        public void close() {
            // The output goes on.
        }
    }

    /** Removes the records' part if the output was not finished. */
    @Override
    public void close() {
        if (body != null && Files.exists(body)) {
            try {
                records.close();
            } catch (IOException | RuntimeException ignored) {
                // The run already failed; the part is deleted below.
            }
            TemporaryFiles.delete(body);
        }
    }
}
