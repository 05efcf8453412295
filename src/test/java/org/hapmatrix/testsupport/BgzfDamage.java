package org.hapmatrix.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Damaged copies of BGZF files, one byte changed as a bad disk or transfer changes it, the gzip
 * framing left intact so that only the block's check finds it: either a byte of the data in a
 * stored block ({@code bgzip -l 0}, {@code bcftools view -l 0}), which still inflates and only its
 * CRC32 tells; or a block's deflate stream made undecodable.
 */
public final class BgzfDamage {
    /** The gzip header of a BGZF block: 12 fixed bytes and the 6-byte BC extra field, BSIZE at 16. */
    private static final int HEADER_BYTES = 18;
    /** A stored deflate block's own header: BFINAL/BTYPE, LEN, NLEN; the data follows as it is. */
    private static final int STORED_HEADER_BYTES = 5;

    private BgzfDamage() {
    }

    /** Where each BGZF block of {@code bgzf} starts, the end-of-file block included. */
    public static List<Integer> blockStarts(byte[] bgzf) {
        List<Integer> starts = new ArrayList<>();
        for (int at = 0; at < bgzf.length; at += ((bgzf[at + 16] & 0xff) | (bgzf[at + 17] & 0xff) << 8) + 1) {
            starts.add(at);
        }
        return starts;
    }

    /**
     * {@code damaged}: a copy of the stored BGZF file {@code file} with the first byte of the one
     * place where {@code marker} is in its raw bytes changed in case ({@code A} to {@code a}): still
     * plausible data, only the block's CRC32 is wrong.
     */
    public static Path storedByteChanged(Path file, String marker, Path damaged) {
        byte[] bytes = read(file);
        int at = onlyPlaceOf(bytes, marker, file);
        bytes[at] ^= 0x20;
        return write(damaged, bytes);
    }

    /**
     * {@code damaged}: a copy of the stored BGZF file {@code file} with a byte in the middle of
     * block number {@code block} (from 0) changed: for binary data, where no text marks a place.
     */
    public static Path storedByteChanged(Path file, int block, Path damaged) {
        byte[] bytes = read(file);
        List<Integer> starts = blockStarts(bytes);
        int dataStart = starts.get(block) + HEADER_BYTES + STORED_HEADER_BYTES;
        int dataEnd = starts.get(block + 1) - 8; // CRC32 and ISIZE end the block
        if (dataEnd - dataStart < 2) {
            throw new AssertionError("block " + block + " of " + file + " holds no data");
        }
        bytes[(dataStart + dataEnd) / 2] ^= 0x20;
        return write(damaged, bytes);
    }

    /** {@code damaged}: a copy of {@code file} whose block number {@code block} does not inflate (see {@link #deflateBroken(byte[], int)}). */
    public static Path deflateBroken(Path file, int block, Path damaged) {
        byte[] bytes = read(file);
        deflateBroken(bytes, blockStarts(bytes).get(block));
        return write(damaged, bytes);
    }

    /**
     * {@code damaged}: a copy of the stored BGZF file {@code file} whose block holding {@code marker}
     * does not inflate.
     */
    public static Path deflateBroken(Path file, String marker, Path damaged) {
        byte[] bytes = read(file);
        int at = onlyPlaceOf(bytes, marker, file);
        int start = 0;
        for (int blockStart : blockStarts(bytes)) {
            if (blockStart <= at) {
                start = blockStart;
            }
        }
        deflateBroken(bytes, start);
        return write(damaged, bytes);
    }

    /** Its first deflate block header made BFINAL with BTYPE 3, which RFC 1951 reserves (an error for every inflater). */
    private static void deflateBroken(byte[] bytes, int blockStart) {
        bytes[blockStart + HEADER_BYTES] |= 0x07;
    }

    /** The number of the block (from 0) that holds {@code marker} in a stored BGZF file. */
    public static int blockOf(Path file, String marker) {
        byte[] bytes = read(file);
        int at = onlyPlaceOf(bytes, marker, file);
        List<Integer> starts = blockStarts(bytes);
        int block = 0;
        while (block + 1 < starts.size() && starts.get(block + 1) <= at) {
            block++;
        }
        if (at < starts.get(block) + HEADER_BYTES + STORED_HEADER_BYTES) {
            throw new AssertionError(marker + " is not in stored data of " + file);
        }
        return block;
    }

    /** Where block number {@code block} starts in the decoded data: the sizes (ISIZE) of the blocks before it. */
    public static long decodedStartOf(Path file, int block) {
        byte[] bytes = read(file);
        List<Integer> starts = blockStarts(bytes);
        long decoded = 0;
        for (int i = 0; i < block; i++) {
            int end = starts.get(i + 1);
            decoded += (bytes[end - 4] & 0xffL) | (bytes[end - 3] & 0xffL) << 8 | (bytes[end - 2] & 0xffL) << 16
                    | (bytes[end - 1] & 0xffL) << 24;
        }
        return decoded;
    }

    private static int onlyPlaceOf(byte[] bytes, String marker, Path file) {
        byte[] wanted = marker.getBytes(StandardCharsets.ISO_8859_1);
        int found = -1;
        for (int at = 0; at + wanted.length <= bytes.length; at++) {
            if (java.util.Arrays.equals(bytes, at, at + wanted.length, wanted, 0, wanted.length)) {
                if (found >= 0) {
                    throw new AssertionError("'" + marker + "' is twice in " + file);
                }
                found = at;
            }
        }
        if (found < 0) {
            throw new AssertionError("'" + marker + "' is not in the raw bytes of " + file
                    + " (not stored, or across a block's end)");
        }
        return found;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
