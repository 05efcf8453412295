package org.hapmatrix.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The formatters' decimal writer (two digits per division, a separate path above the int range)
 * against {@link Long#toString}: every digit count, both sides of every power of ten and of the
 * int range, and random values (README "Input": positions up to 2^63-1).
 */
class SiteFormatterDecimalTest {
    /** A formatter that formats nothing itself: only its decimal writer is used. */
    private static final class DecimalOnly extends SiteFormatter {
        DecimalOnly(ByteArrayOutputStream out) {
            super(new Context("test", List.of("A"), 0, MissingAlleles.ref), out);
        }

        @Override
        public void write(SiteRows sites) {
            throw new UnsupportedOperationException("only putDecimal is tested");
        }
    }

    private static List<Long> awkwardValues() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 9L, 10L, 11L, 99L, 100L, 101L,
                (long) Integer.MAX_VALUE - 1, (long) Integer.MAX_VALUE, (long) Integer.MAX_VALUE + 1,
                Long.MAX_VALUE - 1, Long.MAX_VALUE));
        for (long power = 10; power <= 1_000_000_000_000_000_000L; power *= 10) {
            values.addAll(List.of(power - 1, power, power + 1));
            if (power > Long.MAX_VALUE / 10) {
                break;
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong() >>> (1 + random.nextInt(63)); // non-negative, any digit count
            values.add(value);
        }
        return values;
    }

    @Test
    void everyNonNegativeLongIsWrittenAsLongToStringWrites() throws IOException {
        List<Long> values = awkwardValues();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecimalOnly formatter = new DecimalOnly(out);
        StringBuilder expected = new StringBuilder();
        for (long value : values) {
            formatter.ensureRoom(20);
            formatter.putDecimal(value);
            formatter.put(new byte[] {'\n'});
            expected.append(value).append('\n');
        }
        formatter.flush();
        assertEquals(expected.toString(), out.toString(StandardCharsets.US_ASCII));
    }
}
