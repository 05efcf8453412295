package org.hapmatrix.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time LF search against a plain byte-by-byte scan of the same bytes. */
class LineEndsTest {
    private static int plainIndexOfNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    @Test
    void findsTheFirstNewlineFromEveryStartToEveryEnd() {
        // Besides LF: bytes one off from it (0x0B, 0x09), NUL, 0x8A (LF with the high bit) and 0xFF,
        // the borrows and high bits a wrong word test would trip on.
        byte[] others = {0x0B, 0x09, 0, (byte) 0x8A, (byte) 0xFF, 'A', 'C', '\t', '\r'};
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(6) == 0 ? (byte) '\n' : others[random.nextInt(others.length)];
            }
            for (int from = 0; from <= bytes.length; from++) {
                for (int to = from; to <= bytes.length; to++) {
                    assertEquals(plainIndexOfNewline(bytes, from, to), LineEnds.indexOfNewline(bytes, from, to),
                            () -> "in " + java.util.Arrays.toString(bytes));
                }
            }
        }
    }

    @Test
    void aNewlineAtEachPlaceOfAWordAfterBytesThatAreNotOne() {
        for (int length = 1; length <= 24; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = new byte[length];
                java.util.Arrays.fill(bytes, (byte) 0x0B);
                bytes[at] = '\n';
                assertEquals(at, LineEnds.indexOfNewline(bytes, 0, length));
                assertEquals(length, LineEnds.indexOfNewline(bytes, at + 1, length));
            }
        }
    }
}
