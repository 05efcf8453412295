package org.hapmatrix.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * This process's one folder for native libraries unpacked from jars (Arrow's C Data library,
 * GKL's compression library): {@code hapmatrix-jni.hm-HOST-PID-START-X} in {@code java.io.tmpdir},
 * deleted at exit; one a killed run left is removed by the next run ({@link ScratchNames}).
 */
final class NativeLibraryFolder {
    private static Path folder;

    private NativeLibraryFolder() {
    }

    /** The folder, created on first use. */
    static synchronized Path get() throws IOException {
        if (folder == null) {
            folder = ScratchNames.createFolder(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), "jni");
        }
        return folder;
    }
}
