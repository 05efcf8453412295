package org.hapmatrix.matrix;

import java.util.List;

/**
 * A reader that hands every call to another one: the base of readers that change a few of them
 * (a selection by region, parsing ahead on a thread), in the manner of Guava's Forwarding* classes.
 */
public abstract class ForwardingSiteBatchReader implements SiteBatchReader {
    /** The reader the calls go to. */
    protected final SiteBatchReader reader;

    protected ForwardingSiteBatchReader(SiteBatchReader reader) {
        this.reader = reader;
    }

    @Override
    public MatrixHeader header() {
        return reader.header();
    }

    @Override
    public List<SamplePair> defaultPairs() {
        return reader.defaultPairs();
    }

    @Override
    public ValueDictionary alleles() {
        return reader.alleles();
    }

    @Override
    public ValueDictionary contigs() {
        return reader.contigs();
    }

    @Override
    public boolean fill(SiteBatch batch) {
        return reader.fill(batch);
    }

    @Override
    public long sitesRead() {
        return reader.sitesRead();
    }

    @Override
    public int allelesUsed() {
        return reader.allelesUsed();
    }

    @Override
    public long bytesRead() {
        return reader.bytesRead();
    }

    @Override
    public long bytesTotal() {
        return reader.bytesTotal();
    }

    @Override
    public String sourceName() {
        return reader.sourceName();
    }

    @Override
    public boolean sourceRereadable() {
        return reader.sourceRereadable();
    }

    @Override
    public PhaseSets phaseSets() {
        return reader.phaseSets();
    }

    @Override
    public void close() {
        reader.close();
    }
}
