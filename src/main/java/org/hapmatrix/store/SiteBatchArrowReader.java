package org.hapmatrix.store;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.hapmatrix.matrix.MatrixParser;
import org.hapmatrix.matrix.SiteBatch;

/**
 * Presents the parser's site batches as an Arrow stream DuckDB can scan: columns
 * {@code contig_code, pos, ref, <sample>...}, allele codes as unsigned 16-bit integers.
 * A parse error is kept here and re-thrown by the loader, since DuckDB reports only its text.
 */
final class SiteBatchArrowReader extends ArrowReader {
    /** DuckDB's row group size: one batch fills one row group. */
    static final int BATCH_SITES = 122_880;

    private final MatrixParser parser;
    private final SiteBatch batch;
    private final LoadProgress progress;
    private RuntimeException failure;

    SiteBatchArrowReader(BufferAllocator allocator, MatrixParser parser, LoadProgress progress) {
        super(allocator);
        this.parser = parser;
        this.progress = progress;
        this.batch = new SiteBatch(BATCH_SITES, parser.header().sampleCount());
    }

    @Override
    protected Schema readSchema() {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("contig_code", FieldType.notNullable(new ArrowType.Int(32, true)), null));
        fields.add(new Field("pos", FieldType.notNullable(new ArrowType.Int(64, true)), null));
        fields.add(alleleField("ref"));
        for (String sample : parser.header().samples()) {
            fields.add(alleleField(sample));
        }
        return new Schema(fields);
    }

    private static Field alleleField(String name) {
        return new Field(name, FieldType.notNullable(new ArrowType.Int(16, false)), null);
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        try {
            if (!parser.fill(batch)) {
                return false;
            }
            // DuckDB may still hold the previous batch's buffers: every batch gets fresh ones.
            VectorSchemaRoot root = getVectorSchemaRoot();
            int rows = batch.size();
            IntVector contigs = (IntVector) root.getVector(0);
            BigIntVector positions = (BigIntVector) root.getVector(1);
            contigs.allocateNew(rows);
            positions.allocateNew(rows);
            for (int row = 0; row < rows; row++) {
                contigs.set(row, batch.contigCode(row));
                positions.set(row, batch.position(row));
            }
            contigs.setValueCount(rows);
            positions.setValueCount(rows);
            for (int column = 0; column < batch.alleleColumnCount(); column++) {
                UInt2Vector alleles = (UInt2Vector) root.getVector(column + 2);
                alleles.allocateNew(rows);
                alleles.getDataBuffer().nioBuffer(0, rows * 2).order(ByteOrder.LITTLE_ENDIAN)
                        .asShortBuffer().put(batch.alleleColumn(column), 0, rows);
                alleles.getValidityBuffer().setOne(0, (rows + 7) / 8);
                alleles.setValueCount(rows);
            }
            root.setRowCount(rows);
            progress.sitesParsed(parser.sitesRead());
            return true;
        } catch (RuntimeException e) {
            failure = e;
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The error that stopped the stream, if the parser (not DuckDB) failed. */
    RuntimeException failure() {
        return failure;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        // The parser's input is owned and closed by the loader.
    }
}
