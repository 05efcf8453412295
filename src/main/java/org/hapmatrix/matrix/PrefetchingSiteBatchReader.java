package org.hapmatrix.matrix;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.hapmatrix.HapmatrixException;

/**
 * Parses the next batch on a thread of its own while the database takes the current one: the
 * parse and DuckDB's append of a load ran one after the other on one thread (a VCF load's scan was
 * half parse, half append). One batch is parsed ahead, so memory grows by one batch.
 *
 * <p>What the loader reads between batches ({@link #sitesRead}, {@link #bytesRead},
 * {@link #allelesUsed}) is as of the batches handed out, not of the one being parsed. The
 * dictionaries are read while they grow ({@link ValueDictionary} allows that); everything else
 * of the wrapped reader (its phase sets, its counts) is read once it has ended.
 */
public final class PrefetchingSiteBatchReader extends ForwardingSiteBatchReader {
    /** A parsed batch, or the end, or the parser's failure, with the counts as of that batch. */
    private record Parsed(SiteBatch batch, long sitesRead, long bytesRead, int allelesUsed, Throwable failure) {
    }

    private final BlockingQueue<SiteBatch> free = new ArrayBlockingQueue<>(1);
    private final BlockingQueue<Parsed> parsed = new ArrayBlockingQueue<>(1);
    private Thread parsing;
    private boolean ended;
    private long sitesRead;
    private long bytesRead;
    private int allelesUsed;

    private PrefetchingSiteBatchReader(SiteBatchReader parser) {
        super(parser);
    }

    /** {@code parser}, parsing ahead from its first {@link #fill}. */
    public static SiteBatchReader of(SiteBatchReader parser) {
        return new PrefetchingSiteBatchReader(parser);
    }

    /** {@code parser} parsing ahead when the run may use more than one thread ({@code --threads}), else itself. */
    public static SiteBatchReader of(SiteBatchReader parser, int threads) {
        return threads > 1 ? of(parser) : parser;
    }

    @Override
    public boolean fill(SiteBatch batch) {
        if (ended) {
            batch.clear();
            return false;
        }
        startParsing(batch.capacity(), batch.alleleColumnCount() - 1);
        Parsed next;
        try {
            next = parsed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HapmatrixException("interrupted");
        }
        if (next.failure() != null) {
            ended = true;
            if (next.failure() instanceof RuntimeException failure) {
                throw failure;
            }
            throw (Error) next.failure();
        }
        sitesRead = next.sitesRead();
        bytesRead = next.bytesRead();
        allelesUsed = next.allelesUsed();
        if (next.batch() == null) {
            ended = true;
            batch.clear();
            return false;
        }
        batch.swapContents(next.batch());
        free.add(next.batch());
        return true;
    }

    /**
     * Starts parsing ahead into batches shaped as those {@link #fill} will be given ({@code capacity}
     * sites, {@code sampleCount} samples), if not started yet: a caller that starts it before its
     * own set-up (opening the database) finds the first batch parsed meanwhile.
     */
    public void startParsing(int capacity, int sampleCount) {
        if (parsing == null) {
            free.add(new SiteBatch(capacity, sampleCount));
            parsing = new Thread(this::parseAhead, "hapmatrix-parse");
            parsing.setDaemon(true);
            parsing.start();
        }
    }

    /** The parsing thread: fills the free batch, hands it over, until the input ends or fails. */
    private void parseAhead() {
        try {
            while (true) {
                SiteBatch batch = free.take();
                Parsed done;
                try {
                    boolean filled = reader.fill(batch);
                    done = new Parsed(filled ? batch : null, reader.sitesRead(), reader.bytesRead(), reader.allelesUsed(), null);
                } catch (RuntimeException | Error e) {
                    done = new Parsed(null, 0, 0, 0, e);
                }
                parsed.put(done);
                if (done.batch() == null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // close(): the loader stopped reading.
        }
    }

    /** The number of alleles the batches handed out so far may use (codes below it). */
    @Override
    public int allelesUsed() {
        return allelesUsed;
    }

    @Override
    public long sitesRead() {
        return sitesRead;
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    /** Stops the parsing thread (waiting for it), then closes the parser. */
    @Override
    public void close() {
        if (parsing != null) {
            parsing.interrupt();
            boolean interrupted = false;
            while (parsing.isAlive()) {
                try {
                    parsing.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        reader.close();
    }
}
