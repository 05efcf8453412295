package org.hapmatrix.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real VCF/BCF files that no one here wrote, from Debian packages (1000 Genomes, Eagle, SHAPEIT4
 * and PyVCF examples): each package is fetched with {@code apt-get download} into
 * {@code target/debian-examples} the first time and unpacked with {@code dpkg -x}; later runs
 * reuse it. Without apt-get (not Debian) the calling test is skipped, saying so.
 */
public final class DebianExamples {
    private static final Path ROOT = Path.of("target", "debian-examples").toAbsolutePath();

    private DebianExamples() {
    }

    /** The unpacked tree of {@code pkg}; downloads it first if it is not there yet. */
    public static synchronized Path unpacked(String pkg) {
        Path tree = ROOT.resolve(pkg);
        if (Files.isDirectory(tree)) {
            return tree;
        }
        assumeTrue(onPath("apt-get") && onPath("dpkg"),
                "skipped: apt-get and dpkg are needed to fetch the Debian package " + pkg + " with its example VCFs");
        try {
            Files.createDirectories(ROOT);
            Path downloads = Files.createDirectories(ROOT.resolve("downloads"));
            run(downloads, "apt-get", "download", pkg);
            Path deb;
            try (var files = Files.list(downloads)) {
                deb = files.filter(f -> f.getFileName().toString().startsWith(pkg + "_")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("apt-get download " + pkg + " left no .deb"));
            }
            Path partial = ROOT.resolve(pkg + ".partial");
            run(ROOT, "dpkg", "-x", deb.toAbsolutePath().toString(), partial.toAbsolutePath().toString());
            Files.move(partial, tree);
            return tree;
        } catch (IOException e) {
            throw new IllegalStateException("fetching " + pkg + ": " + e.getMessage(), e);
        }
    }

    private static void run(Path directory, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", List.of(command)) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
