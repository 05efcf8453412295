package org.hapmatrix.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Arrow's C Data library ({@code libarrow_cdata_jni.so}, in the arrow-c-data jar) unpacked into a
 * scratch folder of this process, {@code hapmatrix-jni.hm-HOST-PID-START-X} in
 * {@code java.io.tmpdir}, whose name says whose it is: Arrow's own loader would copy it to
 * {@code jnilib-NUMBER.tmp} there, deleted only at a normal exit, so every killed run left one
 * nobody could tell from a live process's. A killed run's folder is removed by the next run
 * ({@link ScratchNames}). Arrow loads a library it finds under the system property
 * {@value #LIBRARY_PATH_PROPERTY} instead of unpacking its own.
 */
public final class ArrowJniLibrary {
    static final String LIBRARY_PATH_PROPERTY = "arrow.cdata.library.path";
    private static final String LIBRARY = "arrow_cdata_jni";
    private static boolean prepared;

    private ArrowJniLibrary() {
    }

    /**
     * Unpacks the library for Arrow, once per process, before Arrow's C Data interface is first
     * used. Quiet: if it cannot (no copy for this platform, no room), Arrow unpacks its own as before.
     */
    public static synchronized void prepare() {
        if (prepared || System.getProperty(LIBRARY_PATH_PROPERTY) != null) {
            prepared = true;
            return;
        }
        prepared = true;
        String file = System.mapLibraryName(LIBRARY);
        String resource = LIBRARY + "/" + arrowArch() + "/" + file;
        Path folder = null;
        try (InputStream library = ArrowJniLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (library == null) {
                return;
            }
            folder = ScratchNames.createFolder(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), "jni");
            Files.copy(library, folder.resolve(file));
            System.setProperty(LIBRARY_PATH_PROPERTY, folder.toString());
        } catch (IOException | RuntimeException e) {
            if (folder != null) {
                TemporaryFiles.delete(folder);
            }
        }
    }

    /** The folder name Arrow's loader (JniLoader) gives this machine's architecture. */
    private static String arrowArch() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch_64";
            default -> arch;
        };
    }
}
