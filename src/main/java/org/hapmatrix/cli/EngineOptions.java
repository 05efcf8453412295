package org.hapmatrix.cli;

import java.nio.file.Files;
import java.nio.file.Path;
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
        if (!memoryLimit.matches("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB|%)?")) {
            throw HapmatrixException.usage("--memory-limit '" + memoryLimit + "': expected a size such as 512MB or 2GB");
        }
        if (!Files.isDirectory(tmpDir)) {
            throw HapmatrixException.usage("--tmp-dir " + tmpDir + ": no such folder");
        }
        return new EngineSettings(threads, memoryLimit, tmpDir);
    }
}
