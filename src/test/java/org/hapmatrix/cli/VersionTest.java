package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hapmatrix.Version;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Help.Ansi;

/**
 * --version, the VCF's ##source and the database's load record name this build: the pom's
 * version, the commit git reports for this checkout (with -dirty for uncommitted changes), and
 * the library versions the pom declares; --version and help start none of the database's libraries.
 */
class VersionTest {
    @TempDir
    Path tmp;

    @Test
    void versionNamesTheBuildTheLibrariesAndTheRunningJava() throws Exception {
        CliRunner.Result result = CliRunner.run("--version");
        assertEquals(0, result.exitCode(), result.toString());
        List<String> lines = result.out().lines().toList();
        assertEquals(3, lines.size(), result.out());

        Matcher build = Pattern.compile("hapmatrix (\\S+) \\(commit (\\S+), built (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)\\)")
                .matcher(lines.get(0));
        assertTrue(build.matches(), lines.get(0));
        assertEquals(pomProperty("version"), build.group(1));
        assertEquals(expectedCommit(), build.group(2));

        assertEquals("DuckDB v" + duckdbEngineVersion() + " (JDBC driver " + pomProperty("duckdb.version") + "), htsjdk "
                + pomProperty("htsjdk.version"), lines.get(1));
        assertEquals("v" + duckdbEngineVersion(), Version.duckdbEngine(), "the engine recorded at build time is the one built in");
        assertEquals("Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
                + ") in " + System.getProperty("java.home"), lines.get(2));
    }

    /**
     * --version, --help and help COMMAND start at a hello world's pace (issue 22): in a JVM of
     * their own, they load no class of DuckDB, Jdbi or Arrow (the native library alone is 70 MB)
     * and start no warm-up thread.
     */
    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V", "--help", "help convert", "convert --help", "export -V"})
    void versionAndHelpLoadNoDatabaseLibrary(String commandLine) throws Exception {
        Path log = tmp.resolve("class-load.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(commandLine.split(" ")));
        ExternalTool.Result run = ExternalTool.run(tmp, command.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.stderr());
        // The same text as picocli's (Main's short cut for --version alone included).
        assertEquals(CliRunner.run(commandLine.split(" ")).out(), run.stdout());
        List<String> loaded = Files.readAllLines(log).stream().filter(line -> line.contains("[class,load]"))
                .map(line -> line.replaceFirst(".*\\[class,load\\] (\\S+).*", "$1")).toList();
        assertTrue(loaded.contains(Main.class.getName()), "class loading is logged: " + run.stdout());
        List<String> heavy = loaded.stream().filter(name -> name.startsWith("org.duckdb.") || name.startsWith("org.jdbi.")
                || name.startsWith("org.apache.arrow.") || name.equals(ClassWarmup.class.getName())).toList();
        assertEquals(List.of(), heavy, commandLine + " loaded them");
    }

    /**
     * The top command's --help is printed from text rendered at build time (TopHelp): plain and
     * styled, it is what picocli renders from this build's full command line now.
     */
    @ParameterizedTest
    @EnumSource(value = Ansi.class, names = {"OFF", "ON"})
    void topHelpRenderedAtBuildTimeIsPicocliRenderingNow(Ansi ansi) throws Exception {
        String resource = ansi == Ansi.ON ? TopHelp.STYLED : TopHelp.PLAIN;
        String built;
        try (var text = TopHelp.class.getResourceAsStream(resource)) {
            assertNotNull(text, resource + " is rendered at process-classes (mvn compile)");
            built = new String(text.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(Main.commandLine().getUsageMessage(ansi), built);
        assertTrue(built.contains("convert") && built.contains("concat"), built);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void topHelpPrintsTheRenderedText(String flag) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(TopHelp.asked(flag));
        assertTrue(TopHelp.print(new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertEquals(CliRunner.run(flag).out(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void vcfSourceLineAndLoadRecordNameTheVersionAndCommit() throws Exception {
        String build = "hapmatrix " + pomProperty("version") + " (" + expectedCommit() + ")";
        Path vcf = tmp.resolve("small.vcf");
        Path database = tmp.resolve("small.duckdb");
        CliRunner.Result convert = CliRunner.run("convert", GoldenTest.MATRIX, "--header", GoldenTest.HEADER,
                "-o", vcf.toString(), "--db", database.toString(), "-q");
        assertEquals(0, convert.exitCode(), convert.toString());
        List<String> header = Files.readAllLines(vcf);
        assertEquals("##source=" + build, header.get(1));

        CliRunner.Result info = CliRunner.run("info", "--db", database.toString());
        assertEquals(0, info.exitCode(), info.toString());
        assertTrue(info.out().lines().anyMatch(line -> line.startsWith("loaded\t") && line.contains(" by " + build + ", DuckDB ")),
                info.out());
    }

    /** What git says about this checkout now: the abbreviated commit, -dirty if tracked files changed. */
    private String expectedCommit() {
        ExternalTool.Result head = ExternalTool.run(Path.of("").toAbsolutePath(), "git", "rev-parse", "--short=10", "HEAD");
        if (head.exitCode() != 0) {
            return "unknown"; // built from a tree without git (a source tarball)
        }
        ExternalTool.Result status = ExternalTool.run(Path.of("").toAbsolutePath(), "git", "status", "--porcelain", "--untracked-files=no");
        return head.stdout().strip() + (status.stdout().isBlank() ? "" : "-dirty");
    }

    private static String duckdbEngineVersion() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var result = connection.createStatement().executeQuery("SELECT library_version FROM pragma_version()")) {
            result.next();
            return result.getString(1).replaceFirst("^v", "");
        }
    }

    /** A property of pom.xml: the project's own version, or one of its version properties. */
    static String pomProperty(String name) throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String element = name.equals("version") ? "</artifactId>\\s*<version>" : "<" + Pattern.quote(name) + ">";
        Matcher matcher = Pattern.compile(element + "([^<$]+)<").matcher(pom);
        assertTrue(matcher.find(), "pom.xml has no " + name);
        return matcher.group(1);
    }
}
