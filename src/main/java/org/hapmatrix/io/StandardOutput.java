package org.hapmatrix.io;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.hapmatrix.HapmatrixException;

/**
 * Standard output that reports a failed write instead of swallowing it as {@link System#out}
 * does: a write that fails (a full disk) throws {@code <stdout>: write failed: REASON} (exit 1), and
 * a reader that went away ({@code hapmatrix export | head -1}) throws {@link Closed}, which ends
 * the run at once, quietly, with exit code 141, as a tool killed by SIGPIPE would.
 * Both are unchecked, so they also pass through a {@link java.io.PrintWriter}, which swallows IOException.
 */
public final class StandardOutput {
    /** Exit code of a run whose standard output was closed by its reader: 128 + SIGPIPE, as the shell reports for bcftools. */
    public static final int EXIT_CLOSED = 141;

    private static volatile OutputStream processStdout;

    private StandardOutput() {
    }

    /** Writes to the process's file descriptor 1 from now on, not to {@link System#out} (called by main). */
    public static void useProcessStdout() {
        processStdout = new FileOutputStream(FileDescriptor.out);
    }

    /** Standard output as a stream that throws on a failed write; unbuffered, so buffer it. */
    public static OutputStream stream() {
        OutputStream target = processStdout;
        return target != null ? new Checked(target) : new Checked(new PrintStreamErrors(System.out));
    }

    /** As {@link #stream()}, buffered, for text in UTF-8; flush it at the end. */
    public static PrintWriter printWriter() {
        return new PrintWriter(new OutputStreamWriter(new BufferedOutputStream(stream(), 1 << 16), StandardCharsets.UTF_8));
    }

    /**
     * Whether a failed write to a pipe failed because its reader went away (EPIPE: Java ignores
     * SIGPIPE, so the write returns the error instead of ending the process).
     */
    static boolean closedByReader(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    /** The reader of standard output has gone away: nothing more to write, nothing to report. */
    public static final class Closed extends HapmatrixException {
        Closed() {
            super("<stdout>: closed by its reader");
        }
    }

    private static final class Checked extends OutputStream {
        private final OutputStream out;

        Checked(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public void close() {
            flush(); // standard output itself stays open for the rest of the process
        }

        private static HapmatrixException failure(IOException e) {
            if (closedByReader(e)) {
                return new Closed();
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new HapmatrixException("<stdout>: write failed: " + reason, e);
        }
    }

    /** A PrintStream (System.out replaced, by tests say) whose swallowed errors become an IOException. */
    private static final class PrintStreamErrors extends OutputStream {
        private final PrintStream out;

        PrintStreamErrors(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            if (out.checkError()) {
                throw new IOException("write failed");
            }
        }

        @Override
        public void flush() throws IOException {
            if (out.checkError()) {
                throw new IOException("write failed");
            }
        }
    }
}
