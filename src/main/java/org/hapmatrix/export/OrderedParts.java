package org.hapmatrix.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * Carries the work units' formatted bytes from the worker threads to the output, in memory and
 * in unit order. The unit being written out (the head) streams straight through; the workers
 * of later units keep their bytes here until their turn, up to {@code budgetBytes} in all, and
 * then wait. The head's worker never waits, so the export cannot stall, and memory stays
 * bounded whatever the units' sizes. (Part files in --tmp-dir cost a write and a read of the
 * whole output, and the last part's copy came after all formatting had ended.)
 *
 * <p>Bytes travel in chunks of {@value #CHUNK_BYTES} bytes that writes fill up, however small
 * (BGZF writes a block's header field by field), and the budget counts whole chunks, so it
 * bounds the memory really held. Chunks are reused once written out: fresh ones for the whole
 * output were young-generation garbage that the collector copied while they waited.
 */
final class OrderedParts {
    static final int CHUNK_BYTES = 1 << 16;
    private final long budgetBytes;
    private final Part[] parts;
    /** Guarded by {@code this}: chunk arrays held for all units, reusable arrays, the unit being written out. */
    private long heldBytes;
    private final ArrayDeque<byte[]> freeArrays = new ArrayDeque<>();
    private int head;

    OrderedParts(int units, long budgetBytes) {
        this.budgetBytes = budgetBytes;
        this.parts = new Part[units];
        for (int unit = 0; unit < units; unit++) {
            parts[unit] = new Part(unit);
        }
    }

    /** Where a worker writes unit {@code unit}'s bytes; closing it ends the unit. */
    OutputStream stream(int unit) {
        return parts[unit];
    }

    /** Ends a unit that failed or was never taken, so that its writer stops waiting for it. */
    void end(int unit) {
        synchronized (this) {
            parts[unit].ended = true;
            notifyAll();
        }
    }

    /**
     * Writes unit {@code unit}'s bytes to {@code out} as they come, until the unit ends; the units
     * must be written in order. Returns the number of bytes written.
     */
    long writeTo(int unit, OutputStream out) throws IOException {
        synchronized (this) {
            head = unit;
            notifyAll();
        }
        Part part = parts[unit];
        long written = 0;
        while (true) {
            Chunk chunk;
            synchronized (this) {
                while (part.chunks.isEmpty() && !part.ended) {
                    waitInterruptibly();
                }
                chunk = part.chunks.poll();
            }
            if (chunk == null) {
                return written;
            }
            out.write(chunk.bytes(), 0, chunk.length());
            written += chunk.length();
            synchronized (this) {
                heldBytes -= CHUNK_BYTES;
                freeArrays.push(chunk.bytes());
                notifyAll();
            }
        }
    }

    /** A chunk array for {@code unit}, once the budget allows (the head's worker never waits). */
    private synchronized byte[] takeArray(int unit) throws InterruptedIOException {
        while (unit != head && heldBytes + CHUNK_BYTES > budgetBytes) {
            waitInterruptibly();
        }
        heldBytes += CHUNK_BYTES;
        byte[] free = freeArrays.poll();
        return free != null ? free : new byte[CHUNK_BYTES];
    }

    private synchronized void send(Part part, Chunk chunk) {
        part.chunks.add(chunk);
        notifyAll();
    }

    private void waitInterruptibly() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
    }

    /** Bytes of a unit: the first {@code length} of {@code bytes}. */
    private record Chunk(byte[] bytes, int length) {
    }

    /** One unit's bytes not yet written out; written by one worker thread. */
    private final class Part extends OutputStream {
        private final int unit;
        private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
        private boolean ended;
        /** The chunk being filled (owned by the worker), and how far. */
        private byte[] filling;
        private int filled;

        Part(int unit) {
            this.unit = unit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filling == null) {
                    filling = takeArray(unit);
                    filled = 0;
                }
                int take = Math.min(length, CHUNK_BYTES - filled);
                System.arraycopy(bytes, offset, filling, filled, take);
                filled += take;
                offset += take;
                length -= take;
                if (filled == CHUNK_BYTES) {
                    sendFilling();
                }
            }
        }

        private void sendFilling() {
            send(this, new Chunk(filling, filled));
            filling = null;
        }

        /** Sends the last, partly filled chunk and ends the unit. */
        @Override
        public void close() {
            if (filling != null) {
                sendFilling();
            }
            end(unit);
        }
    }
}
