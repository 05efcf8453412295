package org.hapmatrix.matrix;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8 decoding: names and alleles go into DuckDB, which accepts only valid UTF-8. */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * 3 if {@code bytes[from, to)} starts with UTF-8's byte-order mark (EF BB BF), else 0. Windows
     * editors and spreadsheets write one before the text; it is no part of a text input's first line.
     */
    public static int byteOrderMarkLength(byte[] bytes, int from, int to) {
        return to - from >= 3 && (bytes[from] & 0xFF) == 0xEF && (bytes[from + 1] & 0xFF) == 0xBB
                && (bytes[from + 2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /** {@code bytes[from, to)} as text, or empty when they are not valid UTF-8 (no silent replacement). */
    public static Optional<String> decode(byte[] bytes, int from, int to) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
