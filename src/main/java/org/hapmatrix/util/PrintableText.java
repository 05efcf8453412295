package org.hapmatrix.util;

/**
 * Text from the user's data made safe for a terminal line. Messages and the {@code sql} table
 * quote names and values, and a damaged file can put a CR, an escape sequence or a NUL there;
 * those are shown as escapes instead, so a line stays one line and cannot drive the terminal.
 */
public final class PrintableText {
    private PrintableText() {
    }

    public static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                        line.append(String.format("\\u%04x", c));
                    } else {
                        line.appendCodePoint(c);
                    }
                }
            }
        });
        return line.toString();
    }
}
