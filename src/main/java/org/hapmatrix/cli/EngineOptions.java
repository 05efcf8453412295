package org.hapmatrix.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hapmatrix.store.EngineSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Resource options of every command that opens a database: threads, DuckDB's memory ceiling,
 * scratch folder. Their defaults are {@link EngineSettings#defaults()}; their values are checked
 * by converters, so a bad one is a usage error in picocli's one format.
 */
public final class EngineOptions {
    private static final EngineSettings DEFAULTS = EngineSettings.defaults();

    @Option(names = {"-t", "--threads"}, paramLabel = "N", converter = ThreadCount.class,
            description = "Worker threads, 1 to 256 (default: available cores, ${DEFAULT-VALUE}).")
    int threads = DEFAULTS.threads();

    @Option(names = "--memory-limit", paramLabel = "SIZE", converter = MemoryLimit.class,
            description = "DuckDB memory limit, e.g. 512MB, 2GB or 50%% (default: ${DEFAULT-VALUE}); beyond it DuckDB spills to --tmp-dir.")
    String memoryLimit = DEFAULTS.memoryLimit();

    @Option(names = "--tmp-dir", paramLabel = "DIR", converter = ExistingFolder.class,
            description = "Folder for scratch files: the temporary database, spills, output parts (default: the system's, ${DEFAULT-VALUE}).")
    Path tmpDir = DEFAULTS.tempDirectory();

    EngineSettings settings() {
        return new EngineSettings(threads, memoryLimit, tmpDir);
    }

    static final class ThreadCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int threads;
            try {
                threads = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected a whole number, not '" + value + "'");
            }
            if (threads < 1) {
                throw new TypeConversionException("must be at least 1, not " + threads);
            }
            if (threads > EngineSettings.MAX_THREADS) {
                throw new TypeConversionException("must be at most " + EngineSettings.MAX_THREADS + ", not " + threads);
            }
            return threads;
        }
    }

    static final class MemoryLimit extends DomainConverter<String> {
        MemoryLimit() {
            super(EngineSettings::checkMemoryLimit);
        }
    }

    static final class ExistingFolder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path folder = Path.of(value);
            if (!Files.isDirectory(folder)) {
                throw new TypeConversionException((Files.exists(folder) ? "not a folder: " : "no such folder: ") + value);
            }
            return folder;
        }
    }
}
