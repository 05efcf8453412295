package org.hapmatrix.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.hapmatrix.Version;
import picocli.AutoComplete;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time only (run by the pom at package, with picocli-codegen and AsciidoctorJ on the
 * classpath, neither in the jar): the command reference in AsciiDoc, one page per command (the
 * committed docs/reference/ is a copy, checked by ReferenceDocsTest), the man pages made from it
 * (roff, by Asciidoctor's manpage backend), and the bash completion script. All come from the
 * full command line, every subcommand registered (the tool itself registers only the one named,
 * for start-up time, which stock AutoComplete would miss).
 */
public final class GenerateDocs {
    private GenerateDocs() {
    }

    /**
     * Arguments: the folder for the AsciiDoc pages, the folder for the man pages (omitted or
     * "-": none), the completion script's path (omitted: none).
     */
    public static void main(String[] args) throws IOException {
        Path reference = Path.of(args[0]);
        List<Path> pages = writeReference(reference);
        if (args.length > 1 && !args[1].equals("-")) {
            writeManPages(pages, Path.of(args[1]));
        }
        if (args.length > 2) {
            Path completion = Path.of(args[2]);
            Files.createDirectories(completion.toAbsolutePath().getParent());
            Files.writeString(completion, AutoComplete.bash("hapmatrix", Main.commandLine()), StandardCharsets.UTF_8);
        }
    }

    /**
     * The AsciiDoc reference pages (hapmatrix.adoc, hapmatrix-convert.adoc, ...) in {@code folder},
     * from the annotations and OptionTexts.properties. They name the version only, not the
     * commit or build date, so that they change when the command line does, not with every build.
     */
    public static List<Path> writeReference(Path folder) throws IOException {
        CommandLine full = Main.commandLine();
        nameVersionOnly(full);
        full.setDefaultValueProvider(option -> option instanceof OptionSpec named && MACHINE_DEFAULTS.contains(named.longestName())
                ? MACHINE_DEFAULT : null);
        Files.createDirectories(folder);
        int exit = ManPageGenerator.generateManPage(folder.toFile(), null, new boolean[0], true, full.getCommandSpec());
        if (exit != 0) {
            throw new IOException("man page generation failed: " + exit);
        }
        List<Path> pages;
        try (Stream<Path> files = Files.list(folder)) {
            pages = files.filter(file -> file.getFileName().toString().endsWith(".adoc")).sorted().toList();
        }
        for (Path page : pages) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            String general = text.replace(", " + MACHINE_DEFAULT, "");
            if (general.contains(MACHINE_DEFAULT)) {
                throw new IOException(page + ": a machine's default not preceded by ', ' in its option's text");
            }
            Files.writeString(page, general, StandardCharsets.UTF_8);
        }
        return pages;
    }

    /**
     * Options whose default is this machine's (its cores, its temporary folder): the pages say
     * "(default: available cores)", not the build machine's "(default: available cores, 2)".
     * Their texts name the default as ", ${DEFAULT-VALUE}", which this marker replaces, then goes.
     */
    private static final List<String> MACHINE_DEFAULTS = List.of("--threads", "--tmp-dir");
    private static final String MACHINE_DEFAULT = "@MACHINE-DEFAULT@";

    /** Every command's version line (subcommands inherit a copy) as the version alone. */
    private static void nameVersionOnly(CommandLine command) {
        command.getCommandSpec().versionProvider(() -> new String[] {"hapmatrix " + Version.number()});
        command.getSubcommands().values().forEach(GenerateDocs::nameVersionOnly);
    }

    /** Each AsciiDoc page as a man page (section 1, roff) in {@code folder}: hapmatrix.1, hapmatrix-convert.1, ... */
    private static void writeManPages(List<Path> pages, Path folder) throws IOException {
        Files.createDirectories(folder);
        // The build date, not today's, and no local time zone: the same build gives the same pages.
        Attributes attributes = Attributes.builder()
                .attribute("docdate", Version.buildDate().substring(0, Math.min(10, Version.buildDate().length())))
                .build();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            for (Path page : pages) {
                asciidoctor.convertFile(page.toFile(), Options.builder()
                        .backend("manpage")
                        .attributes(attributes)
                        .toDir(folder.toFile())
                        .mkDirs(true)
                        .safe(SafeMode.UNSAFE)
                        .build());
            }
        }
        for (Path page : pages) {
            String name = page.getFileName().toString().replaceFirst("\\.adoc$", ".1");
            if (!new File(folder.toFile(), name).isFile()) {
                throw new IOException("Asciidoctor wrote no " + name);
            }
        }
    }
}
