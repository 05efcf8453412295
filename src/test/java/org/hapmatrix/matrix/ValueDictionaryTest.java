package org.hapmatrix.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Codes in order of first appearance, one-byte and longer values alike, and what a full or invalid value does. */
class ValueDictionaryTest {
    private static int code(ValueDictionary dictionary, String value) throws ValueDictionary.RejectedValue {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return dictionary.codeOf(bytes, 0, bytes.length);
    }

    @Test
    void valuesGetCodesInOrderOfFirstAppearance() throws ValueDictionary.RejectedValue {
        ValueDictionary alleles = new ValueDictionary("allele", 100);
        assertEquals(0, code(alleles, "T"));
        assertEquals(1, code(alleles, "AT"));
        assertEquals(2, code(alleles, "A"));
        assertEquals(0, code(alleles, "T"));
        assertEquals(1, code(alleles, "AT"));
        assertEquals(3, code(alleles, "é"));
        assertEquals(List.of("T", "AT", "A", "é"), alleles.values());
        assertEquals("AT", alleles.value(1));
        assertEquals(4, alleles.size());
    }

    @Test
    void aValueInsideALargerBufferHasTheCodeOfTheSameValueAlone() throws ValueDictionary.RejectedValue {
        ValueDictionary alleles = new ValueDictionary("allele", 100);
        byte[] line = "1\t10\tGGC\tA\tGGC\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0, alleles.codeOf(line, 5, 8));
        assertEquals(1, alleles.codeOf(line, 9, 10));
        assertEquals(0, alleles.codeOf(line, 11, 14));
        assertEquals(0, code(alleles, "GGC"));
        assertEquals(List.of("GGC", "A"), alleles.values());
    }

    @Test
    void theFastPathKnowsOnlyOneByteValuesAlreadySeen() throws ValueDictionary.RejectedValue {
        ValueDictionary alleles = new ValueDictionary("allele", 100);
        assertEquals(-1, alleles.knownSingleByteCode((byte) 'A'));
        code(alleles, "AT");
        assertEquals(-1, alleles.knownSingleByteCode((byte) 'A'), "a longer value is no one-byte value");
        code(alleles, "A");
        assertEquals(1, alleles.knownSingleByteCode((byte) 'A'));
        code(alleles, "-");
        assertEquals(2, alleles.knownSingleByteCode((byte) '-'));
        assertEquals(-1, alleles.knownSingleByteCode((byte) 0xC3), "a byte over 0x7F is never known alone");
    }

    @Test
    void aFullDictionaryRejectsNewValuesButStillCodesKnownOnes() throws ValueDictionary.RejectedValue {
        ValueDictionary contigs = new ValueDictionary("contig", 2);
        code(contigs, "chr1");
        code(contigs, "2");
        ValueDictionary.RejectedValue full = assertThrows(ValueDictionary.RejectedValue.class, () -> code(contigs, "chr3"));
        assertEquals("more than 2 distinct contig values", full.getMessage());
        assertThrows(ValueDictionary.RejectedValue.class, () -> code(contigs, "3"));
        assertEquals(0, code(contigs, "chr1"));
        assertEquals(1, code(contigs, "2"));
    }

    @Test
    void invalidUtf8IsRejectedAndNotAdded() throws ValueDictionary.RejectedValue {
        ValueDictionary alleles = new ValueDictionary("allele", 100);
        byte[] lone = {(byte) 0xC3};
        ValueDictionary.RejectedValue oneByte = assertThrows(ValueDictionary.RejectedValue.class,
                () -> alleles.codeOf(lone, 0, 1));
        assertEquals("allele value is not valid UTF-8", oneByte.getMessage());
        byte[] truncated = {'A', (byte) 0xE2, (byte) 0x82};
        assertThrows(ValueDictionary.RejectedValue.class, () -> alleles.codeOf(truncated, 0, 3));
        assertEquals(0, alleles.size());
        assertEquals(-1, alleles.knownSingleByteCode((byte) 0xC3));
        assertEquals(0, code(alleles, "A"));
    }
}
