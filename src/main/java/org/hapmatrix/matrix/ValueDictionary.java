package org.hapmatrix.matrix;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each distinct value (allele, contig) a small code in order of first appearance,
 * so the parser hands the database integers instead of strings.
 *
 * <p>One thread adds (the parser, see {@link PrefetchingSiteBatchReader}); others may read the
 * values added so far: a value is stored before the count that covers it is published.
 */
public final class ValueDictionary {
    /** Thrown when a new value is not valid UTF-8 or the dictionary is full; the parser adds file and line. */
    public static final class RejectedValue extends Exception {
        RejectedValue(String message) {
            super(message, null, false, false);
        }
    }

    private final String kind;
    private final int maxSize;
    private final int[] singleByteCodes = new int[256];
    private final Map<ByteKey, Integer> multiByteCodes = new HashMap<>();
    /** The values by code; replaced by a larger copy when full. Only the first {@link #size} are set. */
    private volatile String[] values = new String[16];
    private volatile int size;

    public ValueDictionary(String kind, int maxSize) {
        this.kind = kind;
        this.maxSize = maxSize;
        Arrays.fill(singleByteCodes, -1);
    }

    /** The code of the one-byte value {@code b} if it is known, else -1 (a small method the JIT inlines). */
    public int knownSingleByteCode(byte b) {
        return singleByteCodes[b & 0xFF];
    }

    /** The code of {@code bytes[from, to)}, adding the value if new. */
    public int codeOf(byte[] bytes, int from, int to) throws RejectedValue {
        if (to - from == 1) {
            int code = singleByteCodes[bytes[from] & 0xFF];
            return code >= 0 ? code : add(bytes, from, to);
        }
        Integer code = multiByteCodes.get(new ByteKey(bytes, from, to));
        return code != null ? code : add(bytes, from, to);
    }

    private int add(byte[] bytes, int from, int to) throws RejectedValue {
        if (size >= maxSize) {
            throw new RejectedValue("more than " + maxSize + " distinct " + kind + " values");
        }
        String value = Utf8.decode(bytes, from, to).orElse(null);
        if (value == null) {
            throw new RejectedValue(kind + " value is not valid UTF-8");
        }
        int code = size;
        String[] grown = values;
        if (code == grown.length) {
            grown = Arrays.copyOf(grown, 2 * code);
        }
        grown[code] = value;
        values = grown;
        size = code + 1;
        if (to - from == 1) {
            singleByteCodes[bytes[from] & 0xFF] = code;
        } else {
            multiByteCodes.put(new ByteKey(Arrays.copyOfRange(bytes, from, to), 0, to - from), code);
        }
        return code;
    }

    /** The value of one code. */
    public String value(int code) {
        if (code >= size) {
            throw new IndexOutOfBoundsException(code);
        }
        return values[code];
    }

    /** The values by code. */
    public List<String> values() {
        int count = size;
        return List.of(Arrays.copyOf(values, count));
    }

    public int size() {
        return size;
    }

    /** A byte range usable as a hash key without copying for look-ups. */
    private static final class ByteKey {
        private final byte[] bytes;
        private final int from;
        private final int to;
        private final int hash;

        ByteKey(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByteKey key
                    && Arrays.equals(bytes, from, to, key.bytes, key.from, key.to);
        }
    }
}
