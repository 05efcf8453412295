package org.hapmatrix.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time only (run by the pom at package, with picocli-codegen on the classpath): the man
 * page sources (AsciiDoc, one per command) and the bash completion script, generated from the
 * full command line, every subcommand registered (the tool itself registers only the one named,
 * for start-up time, which stock AutoComplete would miss).
 */
public final class GenerateDocs {
    private GenerateDocs() {
    }

    /** Arguments: the folder for the AsciiDoc man page sources, the completion script's path. */
    public static void main(String[] args) throws IOException {
        Path manFolder = Path.of(args[0]);
        Path completion = Path.of(args[1]);
        CommandLine full = Main.commandLine();
        Files.createDirectories(manFolder);
        int exit = ManPageGenerator.generateManPage(manFolder.toFile(), null, new boolean[0], true, full.getCommandSpec());
        if (exit != 0) {
            throw new IOException("man page generation failed: " + exit);
        }
        Files.createDirectories(completion.toAbsolutePath().getParent());
        Files.writeString(completion, AutoComplete.bash("hapmatrix", full), StandardCharsets.UTF_8);
    }
}
