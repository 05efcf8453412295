package org.hapmatrix.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import picocli.CommandLine.Option;

/** Which contigs to read or write: {@code --contigs} lists and a {@code --contigs-file} (one name a line, any characters but a newline). */
public final class ContigOptions {
    // Split by names(), not by picocli's split, which keeps a "quoted" part with its comma.
    @Option(names = "--contigs", paramLabel = "LIST",
            description = "Only these contigs (comma-separated); output order stays the input's.")
    List<String> contigLists = new ArrayList<>();

    @Option(names = "--contigs-file", paramLabel = "FILE",
            description = "Only the contigs named in FILE, one a line (names may hold commas and spaces).")
    Path contigsFile;

    /** The selected names, every name as written; empty for all contigs. */
    List<String> names() {
        List<String> names = new ArrayList<>(contigLists.stream()
                .flatMap(list -> Arrays.stream(list.split(",", -1))).toList());
        if (contigsFile != null) {
            List<String> fromFile = readFile();
            if (fromFile.isEmpty()) {
                throw HapmatrixException.usage(contigsFile + ": empty contig list");
            }
            names.addAll(fromFile);
        }
        return names;
    }

    private List<String> readFile() {
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(contigsFile, StandardCharsets.UTF_8)) {
                String name = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        } catch (NoSuchFileException e) {
            throw HapmatrixException.usage(contigsFile + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw HapmatrixException.usage(contigsFile + ": not valid UTF-8");
        } catch (IOException e) {
            throw HapmatrixException.usage(contigsFile + ": cannot read: " + e.getMessage());
        }
    }
}
