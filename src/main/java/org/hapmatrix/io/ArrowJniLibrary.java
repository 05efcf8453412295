package org.hapmatrix.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Arrow's C Data library ({@code libarrow_cdata_jni.so}, in the arrow-c-data jar) unpacked into
 * this process's {@link NativeLibraryFolder}, whose name says whose it is: Arrow's own loader
 * would copy it to {@code jnilib-NUMBER.tmp} in {@code java.io.tmpdir}, deleted only at a normal
 * exit, so every killed run left one nobody could tell from a live process's. Arrow loads a
 * library it finds under the system property {@value #LIBRARY_PATH_PROPERTY} instead of
 * unpacking its own.
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
        Path copy = null;
        try (InputStream library = ArrowJniLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (library == null) {
                return;
            }
            Path folder = NativeLibraryFolder.get();
            copy = folder.resolve(file);
            Files.copy(library, copy);
            System.setProperty(LIBRARY_PATH_PROPERTY, folder.toString());
        } catch (IOException | RuntimeException e) {
            if (copy != null) {
                TemporaryFiles.delete(copy);
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
