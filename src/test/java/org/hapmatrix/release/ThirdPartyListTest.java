package org.hapmatrix.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * THIRD-PARTY.md lists exactly the runtime dependencies Maven resolves (written by the build to
 * target/runtime-dependencies.txt), each at its version and with a license that allows
 * redistribution: a new, upgraded or dropped dependency fails here until the list says so.
 */
class ThirdPartyListTest {
    private static final Pattern RESOLVED = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):[^:\\s]+:([^:\\s]+):(compile|runtime)\\b",
            Pattern.MULTILINE);
    private static final Pattern LISTED = Pattern.compile("^\\| `([^`:]+):([^`:]+)` \\| ([^|]+?) \\| ([^|]+?) \\| ([^|]+?) \\|$",
            Pattern.MULTILINE);
    private static final Pattern ALLOWED_LICENSE = Pattern.compile("^(Apache-2\\.0|MIT|BSD-3-Clause)\\b");

    @Test
    void everyRuntimeDependencyIsListedAtItsVersionAndNothingElse() throws Exception {
        Map<String, String> resolved = new TreeMap<>();
        Matcher dependency = RESOLVED.matcher(Files.readString(Path.of("target", "runtime-dependencies.txt")));
        while (dependency.find()) {
            resolved.put(dependency.group(1) + ":" + dependency.group(2), dependency.group(3));
        }
        assertFalse(resolved.isEmpty(), "target/runtime-dependencies.txt lists no dependency: was it written by the build?");

        Map<String, String> listed = new TreeMap<>();
        Matcher row = LISTED.matcher(Files.readString(Path.of("THIRD-PARTY.md")));
        while (row.find()) {
            String component = row.group(1) + ":" + row.group(2);
            listed.put(component, row.group(3));
            assertTrue(ALLOWED_LICENSE.matcher(row.group(4)).find(), component + ": license not known to allow redistribution: "
                    + row.group(4));
            assertTrue(row.group(5).startsWith("yes"), component + ": redistribution not allowed: " + row.group(5));
        }
        assertEquals(resolved, listed, "THIRD-PARTY.md's Java libraries (component and version) against Maven's runtime dependencies");
    }
}
