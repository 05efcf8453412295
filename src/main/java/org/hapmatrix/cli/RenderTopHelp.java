package org.hapmatrix.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Help.Ansi;

/**
 * Build-time only (run by the pom at process-classes): renders the top command's help from the
 * full command line, plain and styled, into the resources {@link TopHelp} prints.
 */
public final class RenderTopHelp {
    private RenderTopHelp() {
    }

    /** Argument: the folder of the cli package's resources. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(TopHelp.PLAIN), rendered(Ansi.OFF), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(TopHelp.STYLED), rendered(Ansi.ON), StandardCharsets.UTF_8);
    }

    /** What picocli prints for the top command's --help in {@code ansi}. */
    static String rendered(Ansi ansi) {
        return Main.commandLine().getUsageMessage(ansi);
    }
}
