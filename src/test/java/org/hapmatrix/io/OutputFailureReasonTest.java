package org.hapmatrix.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/**
 * What an output error says went wrong: the system's reason, never the name of the scratch file
 * that failed (a FileSystemException's message is that name; Java leaves the reason out of an
 * AccessDeniedException or NoSuchFileException, which errno EACCES and ENOENT become).
 */
class OutputFailureReasonTest {
    private static final String SCRATCH = "/sys/.out.txt.hm-host-1-2-3.part";

    @Test
    void aFileSystemFailureGivesItsReasonOrItsKind() {
        assertEquals("Permission denied", OutputTarget.describe(new AccessDeniedException(SCRATCH)));
        assertEquals("No such file or directory", OutputTarget.describe(new NoSuchFileException(SCRATCH)));
        assertEquals("Read-only file system", OutputTarget.describe(new FileSystemException(SCRATCH, null, "Read-only file system")));
        assertEquals("Permission denied", OutputTarget.describe(new AccessDeniedException(SCRATCH, null, "Permission denied")));
        assertEquals("FileSystemException", OutputTarget.describe(new FileSystemException(SCRATCH)));
        assertEquals("Not a directory", OutputTarget.describe(new java.nio.file.NotDirectoryException(SCRATCH)));
        assertEquals("File exists", OutputTarget.describe(new java.nio.file.FileAlreadyExistsException(SCRATCH)));
        assertEquals("Directory not empty", OutputTarget.describe(new java.nio.file.DirectoryNotEmptyException(SCRATCH)));
    }

    @Test
    void anotherFailureGivesItsMessage() {
        assertEquals("No space left on device", OutputTarget.describe(new IOException("No space left on device")));
        assertEquals("IOException", OutputTarget.describe(new IOException()));
    }
}
