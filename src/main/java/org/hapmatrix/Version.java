package org.hapmatrix;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, from the build (src/main/resources/hapmatrix.properties). */
public final class Version {
    private Version() {
    }

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/hapmatrix.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
