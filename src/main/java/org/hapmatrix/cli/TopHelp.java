package org.hapmatrix.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import picocli.CommandLine.Help.Ansi;

/**
 * The top command's --help, rendered by picocli at build time ({@link RenderTopHelp}) with and
 * without ANSI styles: building the model of every subcommand by reflection to list their names
 * is two thirds of --help's start-up. Printed as picocli would print it, styled when picocli's
 * {@link Ansi#AUTO} would style it; with a usage width set ({@code picocli.usage.width}), picocli
 * renders it as usual.
 */
final class TopHelp {
    static final String PLAIN = "top-help.txt";
    static final String STYLED = "top-help.ansi.txt";

    private TopHelp() {
    }

    /** Whether {@code args} ask for the top command's help alone. */
    static boolean asked(String... args) {
        return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
    }

    /** Prints the rendered help to {@code out}; false (nothing printed) when picocli must render it. */
    static boolean print(OutputStream out) {
        if (System.getProperty("picocli.usage.width") != null) {
            return false;
        }
        try (InputStream text = TopHelp.class.getResourceAsStream(Ansi.AUTO.enabled() ? STYLED : PLAIN)) {
            if (text == null) {
                return false;
            }
            out.write(text.readAllBytes());
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
