package org.hapmatrix.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hapmatrix.cli.GenerateDocs;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/ (the AsciiDoc command reference the man pages are made from) is what the
 * annotations and OptionTexts.properties give now: regenerated into target/reference-check/,
 * every page equal to its committed copy, no page missing or left over. When an option changes:
 * {@code cp target/reference-check/*.adoc docs/reference/} after this test.
 */
class ReferenceDocsTest {
    private static final Path COMMITTED = Path.of("docs/reference");
    private static final Path GENERATED = Path.of("target/reference-check");

    @Test
    void committedReferenceMatchesTheCommandLine() throws Exception {
        if (Files.isDirectory(GENERATED)) {
            try (Stream<Path> old = Files.list(GENERATED)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        List<String> generated = names(GenerateDocs.writeReference(GENERATED));
        List<String> committed;
        try (Stream<Path> files = Files.list(COMMITTED)) {
            committed = names(files.filter(file -> file.toString().endsWith(".adoc")).sorted().toList());
        }
        assertEquals(generated, committed, "pages of docs/reference/ (regenerated in " + GENERATED + ")");
        List<String> differing = new ArrayList<>();
        for (String page : generated) {
            if (!Files.readString(GENERATED.resolve(page), StandardCharsets.UTF_8)
                    .equals(Files.readString(COMMITTED.resolve(page), StandardCharsets.UTF_8))) {
                differing.add(page);
            }
        }
        assertEquals(List.of(), differing, "docs/reference/ differs from the command line; after checking the change: "
                + "cp " + GENERATED + "/*.adoc " + COMMITTED + "/");
    }

    private static List<String> names(List<Path> pages) {
        return pages.stream().map(page -> page.getFileName().toString()).sorted().toList();
    }
}
