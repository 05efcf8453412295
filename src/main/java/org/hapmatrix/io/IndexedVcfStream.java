package org.hapmatrix.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hapmatrix.HapmatrixException;

/**
 * The header and the selected contigs' records of a BGZF VCF, reached through its .tbi/.csi
 * (see {@link IndexedBlocksStream}).
 */
final class IndexedVcfStream extends IndexedBlocksStream {
    private final Path indexFile;

    IndexedVcfStream(String name, Path data, Path indexFile, List<MatrixInput.ContigBlock> wanted) throws IOException {
        super(name, BgzfCompressors.reader(data.toFile()), wanted);
        this.indexFile = indexFile;
        headerRead(readHeader());
    }

    /** The meta lines and the #CHROM line, byte by byte so that the offset after them is known. */
    private byte[] readHeader() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        boolean lineStart = true;
        boolean columnsLine = false;
        int b;
        while ((b = bgzf.read()) >= 0) {
            if (lineStart) {
                if (b != '#') {
                    throw new HapmatrixException(name + ": VCF header ends without a #CHROM line");
                }
                columnsLine = false;
            }
            header.write(b);
            if (lineStart && b == '#') {
                int second = bgzf.read();
                header.write(second);
                columnsLine = second == 'C';
            }
            lineStart = b == '\n';
            if (lineStart && columnsLine) {
                break;
            }
        }
        return header.toByteArray();
    }

    @Override
    HapmatrixException noLineWhereTheIndexPoints(String contig) {
        return new HapmatrixException(indexFile + ": index does not match " + name + " (no record of contig '"
                + contig + "' where it points); re-index with bcftools index -f " + name);
    }
}
