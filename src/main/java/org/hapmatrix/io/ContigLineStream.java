package org.hapmatrix.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.hapmatrix.matrix.Utf8;

/** Reads an input line by line, each line with its end, and tells a line's contig (its first field) without decoding it. */
public final class ContigLineStream {
    /** A line longer than this is a broken file, not a site. */
    public static final int MAX_LINE_BYTES = 64 << 20;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private int lineStart;
    private int lineEnd;
    private boolean endOfInput;

    public ContigLineStream(InputStream in) {
        this.in = in;
    }

    /** Drops what was buffered, after the underlying stream was moved elsewhere. */
    void reset() {
        start = end = lineStart = lineEnd = 0;
        endOfInput = false;
    }

    /** Moves to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        start = lineEnd;
        while (true) {
            int newline = LineEnds.indexOfNewline(buffer, start, end);
            if (newline < end) {
                lineStart = start;
                lineEnd = newline + 1;
                return true;
            }
            if (endOfInput) {
                if (start < end) { // a last line without its newline
                    lineStart = start;
                    lineEnd = end;
                    return true;
                }
                lineStart = lineEnd = end;
                return false;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            if (buffer.length >= MAX_LINE_BYTES + 2) {
                endOfInput = true; // let the parser report the overlong line
                return;
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            endOfInput = true;
        } else {
            end += n;
        }
    }

    /** The current line's bytes are {@code buffer()[lineStart(), lineEnd())}, its end of line included. */
    byte[] buffer() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineEnd() {
        return lineEnd;
    }

    /** Whether the current line's first field is {@code contig} (UTF-8 bytes). */
    public boolean hasContig(byte[] contig) {
        int fieldEnd = lineStart + contig.length;
        if (fieldEnd >= lineEnd || buffer[fieldEnd] != '\t') {
            return false;
        }
        return Arrays.equals(buffer, lineStart, fieldEnd, contig, 0, contig.length);
    }

    /** The current line's first field (up to a tab or the line's end), or empty if it is not valid UTF-8. */
    public Optional<String> strictContig() {
        int i = lineStart;
        while (i < lineEnd && buffer[i] != '\t' && buffer[i] != '\n' && buffer[i] != '\r') {
            i++;
        }
        return Utf8.decode(buffer, lineStart, i);
    }

    public boolean isBlank() {
        int length = lineEnd - lineStart;
        return length == 0 || (length == 1 && buffer[lineStart] == '\n')
                || (length == 2 && buffer[lineStart] == '\r' && buffer[lineStart + 1] == '\n');
    }
}
