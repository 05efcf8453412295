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
 * whole output, and the last part's copy came after all formatting had ended.) Chunk arrays are
 * reused once written out: fresh ones for the whole output were young-generation garbage that
 * the collector copied while they waited, stopping every thread.
 */
final class OrderedParts {
    /** Size of a reused chunk array: the formatters' buffer size, so a flush mostly fills one. */
    private static final int CHUNK_BYTES = 1 << 16;
    private final long budgetBytes;
    private final Part[] parts;
    /** Guarded by {@code this}: chunk arrays written out, for reuse. */
    private final ArrayDeque<byte[]> freeArrays = new ArrayDeque<>();
    /** Guarded by {@code this}: bytes held for all units, and the unit now being written out. */
    private long heldBytes;
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
                heldBytes -= chunk.length();
                if (chunk.bytes().length == CHUNK_BYTES) {
                    freeArrays.push(chunk.bytes());
                }
                notifyAll();
            }
        }
    }

    /** An array for {@code length} bytes: a reused one if it fits. Called holding {@code this}. */
    private byte[] array(int length) {
        if (length > CHUNK_BYTES) {
            return new byte[length];
        }
        byte[] free = freeArrays.poll();
        return free != null ? free : new byte[CHUNK_BYTES];
    }

    /** Bytes of a unit: the first {@code length} of {@code bytes}. */
    private record Chunk(byte[] bytes, int length) {
    }

    private void waitInterruptibly() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
    }

    /** One unit's bytes not yet written out. */
    private final class Part extends OutputStream {
        private final int unit;
        private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
        private boolean ended;

        Part(int unit) {
            this.unit = unit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            byte[] array;
            synchronized (OrderedParts.this) {
                while (unit != head && heldBytes + length > budgetBytes) {
                    waitInterruptibly();
                }
                heldBytes += length;
                array = array(length);
            }
            System.arraycopy(bytes, offset, array, 0, length);
            synchronized (OrderedParts.this) {
                chunks.add(new Chunk(array, length));
                OrderedParts.this.notifyAll();
            }
        }

        @Override
        public void close() {
            end(unit);
        }
    }
}
