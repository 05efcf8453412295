package org.hapmatrix.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** sql/README.md lists every statement file under sql/, each under the heading of its folder, and nothing else. */
class SqlFilesListedTest {
    private static final Path SQL = Path.of("sql");
    private static final Pattern FOLDER_HEADING = Pattern.compile("^### `([a-z_]+)/`");
    private static final Pattern FILE_ROW = Pattern.compile("^\\| `([^`/]+\\.sql)` \\|");

    @Test
    void everyStatementFileIsListedUnderItsFolderAndNothingElse() throws IOException {
        TreeSet<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SQL)) {
            files.filter(f -> f.toString().endsWith(".sql"))
                    .forEach(f -> onDisk.add(SQL.relativize(f).toString().replace('\\', '/')));
        }
        assertEquals(onDisk, new TreeSet<>(listed(Files.readAllLines(SQL.resolve("README.md")))));
    }

    @Test
    void aFileListedUnderAnotherFolderOrMissingIsCaught() {
        List<String> readme = List.of("### `load/`: x", "| `create_matrix.sql` | | |", "### `export/`: y",
                "| `gone.sql` | | |");
        assertEquals(List.of("load/create_matrix.sql", "export/gone.sql"), listed(readme));
    }

    private static List<String> listed(List<String> readme) {
        List<String> listed = new ArrayList<>();
        String folder = null;
        for (String line : readme) {
            Matcher heading = FOLDER_HEADING.matcher(line);
            if (heading.find()) {
                folder = heading.group(1);
            }
            Matcher row = FILE_ROW.matcher(line);
            if (row.find()) {
                listed.add(folder == null ? row.group(1) : folder + "/" + row.group(1));
            }
        }
        return listed;
    }
}
