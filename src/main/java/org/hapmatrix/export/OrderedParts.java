package org.hapmatrix.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Carries the work units' formatted bytes from the worker threads to the output, in memory and
 * in unit order. The unit being written out (the head) streams straight through; the workers
 * of later units keep their bytes here until their turn, up to {@code budgetBytes} in all, and
 * then wait. The head's worker never waits, so the export cannot stall, and memory stays
 * bounded whatever the units' sizes. (Part files in --tmp-dir cost a write and a read of the
 * whole output, and the last part's copy came after all formatting had ended.)
 */
final class OrderedParts {
    private final long budgetBytes;
    private final Part[] parts;
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
            byte[] chunk;
            synchronized (this) {
                while (part.chunks.isEmpty() && !part.ended) {
                    waitInterruptibly();
                }
                chunk = part.chunks.poll();
            }
            if (chunk == null) {
                return written;
            }
            out.write(chunk);
            written += chunk.length;
            synchronized (this) {
                heldBytes -= chunk.length;
                notifyAll();
            }
        }
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
        private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
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
            byte[] chunk = Arrays.copyOfRange(bytes, offset, offset + length);
            synchronized (OrderedParts.this) {
                while (unit != head && heldBytes + length > budgetBytes) {
                    waitInterruptibly();
                }
                heldBytes += length;
                chunks.add(chunk);
                OrderedParts.this.notifyAll();
            }
        }

        @Override
        public void close() {
            end(unit);
        }
    }
}
