package org.hapmatrix.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hapmatrix.HapmatrixException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 9: an output and its index are put in place so that the new data never sits
 * beside an old index, also when the run fails between the two renames (simulated here by the
 * rename's source vanishing, as when the disk or the folder goes away).
 */
class DataAndIndexTest {
    @TempDir
    Path tmp;
    private Path data;
    private Path tbi;
    private Path csi;

    @BeforeEach
    void oldPair() throws IOException {
        data = Files.writeString(tmp.resolve("out.vcf.gz"), "old data");
        tbi = Files.writeString(tmp.resolve("out.vcf.gz.tbi"), "old tbi");
        csi = Files.writeString(tmp.resolve("out.vcf.gz.csi"), "old csi");
    }

    private static OutputTarget written(Path file, String text) throws IOException {
        OutputTarget target = OutputTarget.open(file.toString(), false);
        target.stream().write(text.getBytes(StandardCharsets.UTF_8));
        return target;
    }

    @Test
    void afterASuccessfulRunThePairIsTheNewOneAndNoOtherIndexIsLeft() throws IOException {
        try (OutputTarget newData = written(data, "new data"); OutputTarget newIndex = written(tbi, "new tbi")) {
            DataAndIndex.commit(newData, newIndex, List.of(tbi, csi));
        }
        assertEquals("new data", Files.readString(data));
        assertEquals("new tbi", Files.readString(tbi));
        assertFalse(Files.exists(csi), "an index of the other kind, of the old data, is gone");
        assertTrue(Files.getLastModifiedTime(tbi).compareTo(Files.getLastModifiedTime(data)) >= 0);
        assertEquals(List.of("out.vcf.gz", "out.vcf.gz.tbi"), names());
    }

    @Test
    void aFailureBetweenDataAndIndexLeavesTheNewDataWithoutAnyIndex() throws IOException {
        try (OutputTarget newData = written(data, "new data"); OutputTarget newIndex = written(tbi, "new tbi")) {
            Files.delete(newIndex.temporaryFile()); // the index's rename, after the data's, fails
            assertThrows(HapmatrixException.class, () -> DataAndIndex.commit(newData, newIndex, List.of(tbi, csi)));
        }
        assertEquals("new data", Files.readString(data));
        assertEquals(List.of("out.vcf.gz"), names(), "no old index beside the new data");
    }

    @Test
    void aFailureBeforeTheDataLeavesTheOldPairAsItWas() throws IOException {
        try (OutputTarget newData = written(data, "new data"); OutputTarget newIndex = written(tbi, "new tbi")) {
            Files.delete(newData.temporaryFile()); // the data's rename fails: the old indexes come back
            assertThrows(HapmatrixException.class, () -> DataAndIndex.commit(newData, newIndex, List.of(tbi, csi)));
        }
        assertEquals("old data", Files.readString(data));
        assertEquals("old tbi", Files.readString(tbi));
        assertEquals("old csi", Files.readString(csi));
        assertEquals(List.of("out.vcf.gz", "out.vcf.gz.csi", "out.vcf.gz.tbi"), names());
    }

    @Test
    void anOutputWithoutIndexTakesAnOldIndexAwayFirst() throws IOException {
        try (OutputTarget newData = written(data, "new data")) {
            DataAndIndex.commit(newData, null, List.of(tbi, csi));
        }
        assertEquals("new data", Files.readString(data));
        assertEquals(List.of("out.vcf.gz"), names());
    }

    @Test
    void anIndexWhoseDataAnotherRunReplacedMeanwhileIsRemoved() throws IOException {
        try (OutputTarget myData = written(data, "my data"); OutputTarget myIndex = written(tbi, "my tbi");
             OutputTarget theirs = written(data, "their data")) {
            // Another run renames its data into place between this run's data and index.
            DataAndIndex.commit(myData, myIndex, List.of(tbi, csi), theirs::commit);
        }
        assertEquals("their data", Files.readString(data));
        assertEquals(List.of("out.vcf.gz"), names(), "this run's index does not stay beside the other run's data");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
