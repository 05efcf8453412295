package org.hapmatrix.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's real {@code chromium}, headless, on a local HTML file: the DOM after its scripts ran,
 * what the page wrote to its console (every message, errors included), and screenshots. The
 * network is cut off (every host name fails to resolve), so a page that needs it shows it.
 */
public final class HeadlessChromium {
    private HeadlessChromium() {
    }

    /** The rendered DOM and the console lines ({@code CONSOLE} entries of Chromium's log). */
    public record Page(String dom, List<String> console, String log) {
    }

    public static Page load(Path html, Path scratch) {
        ExternalTool.Result result = run(scratch, "--dump-dom", html);
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
        ExternalTool.Result result = run(scratch, "--screenshot=" + png.toAbsolutePath(), html,
                "--window-size=" + width + "," + height, "--hide-scrollbars");
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("chromium wrote no screenshot: " + result.stderr());
        }
    }

    /** Through {@link ExternalTool} (bounded wait), with a fresh profile folder so that runs never share one. */
    private static ExternalTool.Result run(Path scratch, String action, Path html, String... more) {
        Path profile;
        try {
            profile = Files.createTempDirectory(scratch, "chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=10000", action));
        command.addAll(List.of(more));
        command.add(html.toUri().toString());
        ExternalTool.Result result = ExternalTool.run(scratch, command.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new AssertionError("chromium: " + result);
        }
        return result;
    }
}
