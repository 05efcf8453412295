package org.hapmatrix.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.store.EngineSettings;
import picocli.CommandLine.Option;

/** Resource options of the commands that do heavy work: threads, DuckDB's memory ceiling, scratch folder. */
public final class EngineOptions {
    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Worker threads (default: available cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--memory-limit", paramLabel = "SIZE",
            description = "DuckDB memory limit, e.g. 512MB, 2GB (default: ${DEFAULT-VALUE}); beyond it DuckDB spills to --tmp-dir.")
    String memoryLimit = EngineSettings.DEFAULT_MEMORY_LIMIT;

    @Option(names = "--tmp-dir", paramLabel = "DIR",
            description = "Folder for scratch files: the temporary database, spills, output parts (default: the system's).")
    Path tmpDir = Path.of(System.getProperty("java.io.tmpdir"));

    EngineSettings settings() {
        if (threads < 1) {
            throw HapmatrixException.usage("--threads must be at least 1, not " + threads);
        }
        checkMemoryLimit(memoryLimit);
        if (!Files.isDirectory(tmpDir)) {
            throw HapmatrixException.usage("--tmp-dir " + tmpDir + ": no such folder");
        }
        return new EngineSettings(threads, memoryLimit, tmpDir);
    }

    /** What DuckDB accepts, and above zero: a size with its unit (512MB, 2GiB) or a share of RAM (50%). */
    private static void checkMemoryLimit(String limit) {
        Matcher size = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(KB|MB|GB|TB|KIB|MIB|GIB|TIB|%)").matcher(limit.strip());
        if (!size.matches()) {
            throw HapmatrixException.usage("--memory-limit '" + limit + "': expected a size with its unit, such as 512MB or 2GB");
        }
        double amount = Double.parseDouble(size.group(1));
        if (amount <= 0 || (size.group(2).equals("%") && amount > 100)) {
            throw HapmatrixException.usage("--memory-limit '" + limit + "': must be above zero"
                    + (size.group(2).equals("%") ? " and at most 100%" : ""));
        }
    }
}
