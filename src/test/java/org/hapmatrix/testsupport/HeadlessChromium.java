package org.hapmatrix.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real {@code chromium}, headless, on a local HTML file: the DOM after its scripts ran,
 * what the page wrote to its console (every message, errors included), and screenshots. The
 * network is cut off (every host name fails to resolve), so a page that needs it shows it.
 */
public final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 180;

    private HeadlessChromium() {
    }

    /** The rendered DOM and the console lines ({@code CONSOLE} entries of Chromium's log). */
    public record Page(String dom, List<String> console, String log) {
    }

    public static Page load(Path html, Path scratch) {
        Result result = run(scratch, "--dump-dom", html);
        List<String> console = new ArrayList<>();
        for (String line : result.stderr().split("\n")) {
            if (line.contains(":CONSOLE")) {
                console.add(line);
            }
        }
        return new Page(result.stdout(), console, result.stderr());
    }

    /** Writes a PNG of the page at {@code width} x {@code height} CSS pixels. */
    public static void screenshot(Path html, Path png, int width, int height, Path scratch) {
        Result result = run(scratch, "--screenshot=" + png.toAbsolutePath(), html,
                "--window-size=" + width + "," + height, "--hide-scrollbars");
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("chromium wrote no screenshot: " + result.stderr());
        }
    }

    private record Result(String stdout, String stderr) {
    }

    private static Result run(Path scratch, String action, Path html, String... more) {
        try {
            Path profile = Files.createTempDirectory(scratch, "chromium-profile");
            Path out = Files.createTempFile(scratch, "chromium", ".out");
            Path err = Files.createTempFile(scratch, "chromium", ".err");
            List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                    "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=10000", action));
            command.addAll(List.of(more));
            command.add(html.toUri().toString());
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("chromium exited with " + process.exitValue() + ": " + Files.readString(err));
            }
            return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
