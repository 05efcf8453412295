package org.hapmatrix.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.HapmatrixException;

/**
 * A file of names, one a line (LF or CRLF, blank lines skipped), for names a comma-separated
 * option cannot carry: {@code --contigs-file}, {@code --samples-file}.
 */
final class NamesFile {
    private NamesFile() {
    }

    /** The names in {@code file}; {@code what} ("contig", "sample") for the message about an empty list. */
    static List<String> read(Path file, String what) {
        List<String> names = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (i == 0 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark (Windows editors) is no part of the first name
                }
                String name = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            throw HapmatrixException.usage(file + ": no such file");
        } catch (MalformedInputException e) {
            throw HapmatrixException.usage(file + ": not valid UTF-8");
        } catch (IOException e) {
            throw HapmatrixException.usage(file + ": cannot read: " + e.getMessage());
        }
        if (names.isEmpty()) {
            throw HapmatrixException.usage(file + ": empty " + what + " list");
        }
        return names;
    }
}
