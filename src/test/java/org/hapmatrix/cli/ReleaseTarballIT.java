package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball (after {@code mvn package}) as a cluster user gets it: unpacked into an
 * empty folder and run with a clean environment (no java on PATH, no JAVA_HOME, HOME an empty
 * folder so no Maven repository), it converts the golden example; it holds one DuckDB library,
 * the man pages (which man renders) and a bash completion that completes subcommands and options.
 */
class ReleaseTarballIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    static Path tmp;

    private static Path installed;
    private static Path path;
    private static Path tarball;
    /** lib/ as unpacked, before any run wrote a class-data archive there. */
    private static Set<String> libAsShipped;

    @BeforeAll
    static void unpack() throws Exception {
        List<Path> tarballs;
        try (Stream<Path> files = Files.list(TARGET)) {
            tarballs = files.filter(file -> file.getFileName().toString().matches("hapmatrix-.*-linux-x86_64\\.tar\\.gz")).toList();
        }
        assertEquals(1, tarballs.size(), "one release tarball in target/: " + tarballs);
        Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
        tarball = tarballs.get(0);
        installed = unpack(tarball, Files.createDirectories(tmp.resolve("unpacked")));
        try (Stream<Path> files = Files.list(installed.resolve("lib"))) {
            libAsShipped = files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
        // Only what the launcher itself calls: no java anywhere on this PATH.
        path = Files.createDirectories(tmp.resolve("path"));
        for (String tool : List.of("dirname", "readlink", "mkdir", "rmdir", "mv", "rm")) {
            Files.createSymbolicLink(path.resolve(tool), Path.of("/usr/bin", tool));
        }
    }

    /** The tarball unpacked in {@code folder}: its top folder. */
    private static Path unpack(Path tarball, Path folder) throws Exception {
        assertEquals(0, run(folder, List.of("tar", "-xzf", tarball.toString())).exitCode);
        try (Stream<Path> top = Files.list(folder)) {
            return top.findFirst().orElseThrow();
        }
    }

    private record Run(int exitCode, byte[] stdout, String stderr) {
    }

    private static Run run(Path folder, List<String> command) throws Exception {
        Path out = Files.createTempFile(tmp, "out", "");
        Path err = Files.createTempFile(tmp, "err", "");
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Run(process.waitFor(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@code command} under env -i: HOME an empty folder, PATH without java. */
    private static Run runClean(Path folder, String... command) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        List<String> clean = new java.util.ArrayList<>(List.of("/usr/bin/env", "-i", "HOME=" + home, "PATH=" + path));
        clean.addAll(List.of(command));
        return run(folder, clean);
    }

    @Test
    void convertsTheGoldenExampleInAnEmptyFolderWithACleanEnvironment() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.copy(GoldenTest.GOLDEN.resolve("small_matrix.txt"), work.resolve("small_matrix.txt"));
        Files.copy(GoldenTest.GOLDEN.resolve("small_header.txt"), work.resolve("small_header.txt"));
        Run convert = runClean(work, installed.resolve("bin/hapmatrix").toString(), "convert", "small_matrix.txt",
                "--header", "small_header.txt", "-o", "haplotypes.txt");
        assertEquals(0, convert.exitCode(), convert.stderr());
        assertArrayEquals(Files.readAllBytes(GoldenTest.GOLDEN.resolve("small_expected.txt")),
                Files.readAllBytes(work.resolve("haplotypes.txt")));

        Run version = runClean(work, installed.resolve("bin/hapmatrix").toString(), "--version");
        assertEquals(0, version.exitCode(), version.stderr());
        String text = new String(version.stdout(), StandardCharsets.UTF_8);
        assertTrue(text.contains(" in " + installed.resolve("runtime").toRealPath()), "the bundled runtime runs it: " + text);
    }

    @Test
    void holdsOneDuckDbLibraryManPagesCompletionAndLicenses() throws Exception {
        assertEquals(Set.of("hapmatrix.jar", "hapmatrix.classlist", "libduckdb_java.so_linux_amd64"), libAsShipped);
        for (String command : List.of("", "-convert", "-load", "-export", "-sql", "-info", "-stats", "-contigs", "-concat")) {
            assertTrue(Files.isRegularFile(installed.resolve("share/man/man1/hapmatrix" + command + ".1")), command);
        }
        assertTrue(Files.isRegularFile(installed.resolve("share/doc/hapmatrix/LICENSE")));
        assertTrue(Files.isRegularFile(installed.resolve("share/doc/hapmatrix/THIRD-PARTY.md")));
        assertTrue(Files.isRegularFile(installed.resolve("runtime/legal/java.base/LICENSE")));
    }

    /**
     * The first run where the tarball is unpacked writes the class-data archive for that folder
     * and its runtime; the next run loads the tool's classes from it.
     */
    @Test
    void theFirstRunWritesAClassDataArchiveValidWhereUnpacked() throws Exception {
        Path here = unpack(tarball, Files.createDirectories(tmp.resolve("first-run")));
        Path lib = here.resolve("lib").toRealPath();
        Run first = runClean(tmp, here.resolve("bin/hapmatrix").toString(), "--version");
        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals("", first.stderr());
        assertTrue(Files.isRegularFile(lib.resolve("hapmatrix.jsa")));
        assertEquals(here.resolve("bin").toRealPath().resolve("../runtime/bin/java") + " " + lib,
                Files.readString(lib.resolve("hapmatrix.jsa.for")).strip());
        try (Stream<Path> files = Files.list(lib)) {
            assertEquals(Set.of("hapmatrix.jar", "hapmatrix.classlist", "libduckdb_java.so_linux_amd64", "hapmatrix.jsa",
                    "hapmatrix.jsa.for", "hapmatrix.jsa.unrelocated"), files.map(file -> file.getFileName().toString()).collect(Collectors.toSet()),
                    "no lock or temporary file left");
        }
        Run second = runClean(tmp, "/usr/bin/env", "HAPMATRIX_JAVA_OPTS=-Xlog:class+load=info:stdout",
                here.resolve("bin/hapmatrix").toString(), "help", "convert");
        assertEquals(0, second.exitCode(), second.stderr());
        String loaded = new String(second.stdout(), StandardCharsets.UTF_8);
        assertTrue(loaded.lines().anyMatch(line -> line.contains(" org.hapmatrix.cli.Main source: shared objects file")), loaded);
        assertTrue(loaded.lines().anyMatch(line -> line.contains(" org.hapmatrix.cli.WordWrappingHelp$WordWrapTable source: shared objects file")),
                loaded);
    }

    /** An install folder its user cannot write: commands run, without an archive, and say nothing of it. */
    @Test
    void aReadOnlyInstallRunsWithoutAnArchiveSilently() throws Exception {
        Path readOnly = Files.createDirectories(tmp.resolve("read-only"));
        Path here = unpack(tarball, readOnly);
        List<String> asOtherUser;
        if (Files.getOwner(Path.of("/proc/self")).getName().equals("root")) {
            // root writes anywhere: run as nobody instead, in folders nobody can read but not write.
            for (Path folder = readOnly; !folder.equals(tmp.getParent()); folder = folder.getParent()) {
                Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            asOtherUser = List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
        } else {
            Files.setPosixFilePermissions(here.resolve("lib"), java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
            asOtherUser = List.of();
        }
        for (String option : List.of("--version", "--help")) {
            List<String> command = new java.util.ArrayList<>(asOtherUser);
            command.addAll(List.of("/usr/bin/env", "-i", "PATH=" + path, here.resolve("bin/hapmatrix").toString(), option));
            Run run = run(readOnly, command);
            assertEquals(0, run.exitCode(), run.stderr());
            assertEquals("", run.stderr());
            assertTrue(new String(run.stdout(), StandardCharsets.UTF_8).startsWith(option.equals("--help") ? "Usage: hapmatrix" : "hapmatrix "));
        }
        try (Stream<Path> files = Files.list(here.resolve("lib"))) {
            assertEquals(libAsShipped, files.map(file -> file.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void manRendersTheManPagesWithEveryOption() throws Exception {
        Run top = run(tmp, List.of("/usr/bin/env", "MANWIDTH=80", "man", "-l", installed.resolve("share/man/man1/hapmatrix.1").toString()));
        assertEquals(0, top.exitCode(), top.stderr());
        String topPage = new String(top.stdout(), StandardCharsets.UTF_8);
        assertTrue(topPage.startsWith("HAPMATRIX(1)"), topPage);
        for (String command : List.of("convert", "load", "export", "sql", "info", "contigs", "concat")) {
            assertTrue(topPage.contains("\n       " + command + "\n"), command + " not in the command list: " + topPage);
        }
        Run convert = run(tmp, List.of("/usr/bin/env", "MANWIDTH=80", "man", "-l",
                installed.resolve("share/man/man1/hapmatrix-convert.1").toString()));
        assertEquals(0, convert.exitCode(), convert.stderr());
        assertEquals("", convert.stderr(), "roff warnings");
        String page = new String(convert.stdout(), StandardCharsets.UTF_8);
        assertTrue(page.contains("SYNOPSIS\n       hapmatrix convert [OPTIONS] MATRIX\n"), page);
        for (String option : List.of("--alt-from=all|selected", "--contigs=LIST", "--format=FORMAT", "-o, --output=OUT",
                "--pair=NAME=A,B", "-t, --threads=N", "--tmp-dir=DIR")) {
            assertTrue(page.contains("\n       " + option + "\n"), option + " not in: " + page);
        }
    }

    @Test
    void bashCompletionCompletesSubcommandsAndTheirOptions() throws Exception {
        assertEquals(Set.of("convert", "contigs", "concat"), complete("hapmatrix", "con"));
        assertEquals(Set.of("--format"), complete("hapmatrix", "convert", "--form"));
        assertTrue(complete("hapmatrix", "load", "--").containsAll(Set.of("--db", "--contigs", "--header", "--threads")));
    }

    /** What bash's completion function offers for the last word of {@code words}. */
    private static Set<String> complete(String... words) throws Exception {
        Path script = installed.resolve("share/bash-completion/completions/hapmatrix");
        String line = "source '" + script + "'; COMP_WORDS=(" + String.join(" ", words) + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + String.join(" ", words) + "'; COMP_POINT=${#COMP_LINE}; _complete_hapmatrix; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Run run = run(tmp, List.of("bash", "-c", line));
        assertEquals(0, run.exitCode(), run.stderr());
        return new String(run.stdout(), StandardCharsets.UTF_8).lines().map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
