package org.hapmatrix.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.zip.InflaterFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipException;
import org.hapmatrix.testsupport.BgzfDamage;
import org.hapmatrix.testsupport.ExternalTool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every block of BGZF read is checked, with GKL's inflater and with Java's zlib alike: a changed
 * byte that still inflates fails its CRC32 (as bgzip -t and gzip -t find), a deflate stream that
 * does not decode fails with the inflater's reason, both as a ZipException; a seek onto a damaged
 * block does not skip it, and nothing is read after it.
 */
class CheckedBgzfInputStreamTest {
    /** The block the damage is put in: neither the first nor the last, so blocks before it read well. */
    private static final String MARKER = "line 3000 of";

    @TempDir
    Path tmp;

    private byte[] text;
    private Path stored;

    @BeforeEach
    void storedBgzf() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            lines.append("line ").append(i).append(" of the text, A C G T\n");
        }
        text = lines.toString().getBytes(StandardCharsets.US_ASCII);
        Path plain = Files.write(tmp.resolve("t.txt"), text);
        ExternalTool.succeed(tmp, "bgzip", "-l", "0", "-kf", plain.toString());
        stored = tmp.resolve("t.txt.gz");
        int block = BgzfDamage.blockOf(stored, MARKER);
        assertTrue(block > 0 && block < BgzfDamage.blockStarts(Files.readAllBytes(stored)).size() - 2, "a middle block");
    }

    /** One reader per inflater: the one hapmatrix uses (GKL where it loads) and Java's zlib. */
    private static List<Opener> openers() {
        return List.of(file -> BgzfCompressors.reader(file.toFile()),
                file -> new CheckedBgzfInputStream(file.toFile(), new InflaterFactory()),
                file -> BgzfCompressors.reader(Files.newInputStream(file), false));
    }

    private interface Opener {
        BlockCompressedInputStream open(Path file) throws IOException;
    }

    @Test
    void intactBlocksReadAsTheyWere() throws IOException {
        for (Opener opener : openers()) {
            try (InputStream in = opener.open(stored)) {
                assertArrayEquals(text, in.readAllBytes());
            }
        }
    }

    @Test
    void aChangedByteInAStoredBlockFailsItsCrc() throws IOException {
        Path damaged = BgzfDamage.storedByteChanged(stored, MARKER, tmp.resolve("damaged.gz"));
        // The real tools find it too; without the check, htsjdk reads "Line 3000 of".
        assertNotEquals(0, ExternalTool.run(tmp, "gzip", "-t", damaged.toString()).exitCode());
        assertNotEquals(0, ExternalTool.run(tmp, "bgzip", "-t", damaged.toString()).exitCode());
        try (InputStream unchecked = new BlockCompressedInputStream(damaged.toFile())) {
            assertTrue(new String(unchecked.readAllBytes(), StandardCharsets.US_ASCII).contains("Line 3000 of"));
        }
        for (Opener opener : openers()) {
            assertDamaged(CheckedBgzfInputStream.CRC_ERROR, opener.open(damaged));
        }
    }

    @Test
    void aDeflateStreamThatDoesNotDecodeFailsWithTheInflatersReason() throws IOException {
        Path damaged = BgzfDamage.deflateBroken(stored, MARKER, tmp.resolve("damaged.gz"));
        assertNotEquals(0, ExternalTool.run(tmp, "gzip", "-t", damaged.toString()).exitCode());
        assertDamaged(BgzfCompressors.usingGkl() ? "Invalid deflate block found" : "invalid block type",
                BgzfCompressors.reader(damaged.toFile()));
        assertDamaged("invalid block type", new CheckedBgzfInputStream(damaged.toFile(), new InflaterFactory()));
    }

    /** Reads to the damage: the blocks before it whole, then a ZipException with {@code reason}, and again on the next read. */
    private void assertDamaged(String reason, BlockCompressedInputStream in) throws IOException {
        try (in) {
            byte[] buffer = new byte[4096];
            long read = 0;
            ZipException damage = null;
            try {
                int n;
                while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                    read += n;
                }
            } catch (ZipException e) {
                damage = e;
            }
            assertTrue(damage != null, "no damage found");
            assertEquals(reason, damage.getMessage());
            assertTrue(read > 0 && read < text.length, "read " + read);
            // htsjdk would go on with the next block; the damage stays.
            assertEquals(reason, assertThrows(ZipException.class, in::read).getMessage());
        }
    }

    @Test
    void aSeekOntoADamagedBlockFailsRatherThanSkipIt() throws IOException {
        Path damaged = BgzfDamage.storedByteChanged(stored, MARKER, tmp.resolve("damaged.gz"));
        long blockAddress = BgzfDamage.blockStarts(Files.readAllBytes(damaged)).get(BgzfDamage.blockOf(stored, MARKER));
        try (BlockCompressedInputStream in = BgzfCompressors.reader(damaged.toFile())) {
            ZipException damage = assertThrows(ZipException.class, () -> in.seek(blockAddress << 16));
            assertEquals(CheckedBgzfInputStream.CRC_ERROR, damage.getMessage());
        }
    }
}
