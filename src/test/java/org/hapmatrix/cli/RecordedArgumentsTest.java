package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arguments as the VCF's ##hapmatrix_command records them read back to the same arguments in bash,
 * control characters included; a byte-order mark is no part of a names file's first name.
 */
class RecordedArgumentsTest {
    @TempDir
    Path tmp;

    @Test
    void recordedArgumentsReadBackInBash() throws Exception {
        List<String> arguments = List.of("plain", "it's", "new\nline", "tab\there", "bell\u0007x1", "back\\slash'\n",
                "\u0085next\u2028line", "del\u007f", "caf\u00e9 \u67d3");
        StringBuilder script = new StringBuilder("printf '%s\\0'");
        for (String argument : arguments) {
            String quoted = FormatOptions.quoted(argument);
            assertEquals(1, quoted.lines().count(), "one line: " + quoted);
            script.append(' ').append(quoted);
        }
        Process bash = new ProcessBuilder("bash", "-c", script.toString()).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor());
        List<String> readBack = new ArrayList<>(List.of(out.split("\0", -1)));
        readBack.remove(readBack.size() - 1);
        assertEquals(arguments, readBack);
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstName() throws Exception {
        Path matrix = Files.writeString(tmp.resolve("m.txt"), "CHROM\tPOS\tREF\t1a\t1b\nc1\t10\tA\tA\tC\nc2\t10\tA\tA\tC\n");
        Path contigs = Files.writeString(tmp.resolve("contigs.txt"), "\uFEFFc2\n");
        Path samples = Files.writeString(tmp.resolve("samples.txt"), "\uFEFF1a\r\n1b\r\n");
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "--contigs-file", contigs.toString(),
                "--samples-file", samples.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(2, result.out().lines().count(), result.out());
        assertEquals("c2", result.out().lines().skip(1).findFirst().orElseThrow().split("\t")[0]);
    }
}
