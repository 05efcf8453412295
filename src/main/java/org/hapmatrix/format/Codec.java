package org.hapmatrix.format;

import java.util.List;
import org.hapmatrix.io.FileExtensions;

/**
 * One file format hapmatrix reads or writes, after htsjdk's {@code HtsCodec}: its name, the file
 * names it claims and how it is recognised. Output codecs ({@link OutputCodec}) add their header,
 * formatter and checks; input codecs ({@link InputCodec}) their reader.
 */
public interface Codec {
    /** The name {@code --format} takes and messages use. */
    String name();

    /** What it is, for people: "haplotype table". */
    String description();

    /** The file name endings this format claims, lower case (see {@link FileExtensions}). */
    List<String> extensions();

    /** Whether a file of this name is in this format by its name. */
    default boolean claims(String fileName) {
        return FileExtensions.hasAnyExtension(fileName, extensions());
    }
}
