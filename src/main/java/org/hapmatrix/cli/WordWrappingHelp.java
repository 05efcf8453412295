package org.hapmatrix.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help whose text wraps only at spaces. picocli wraps with Java's line BreakIterator, which
 * breaks after '.' and ',' too: "named .⏎vcf", "NAME=A,⏎B". Help texts here are full of file
 * extensions and comma lists, so every table that wraps text (the command's description, header
 * and footer, the option and parameter lists, the command list) is a {@link WordWrapTable}.
 * Installed with {@code CommandLine.setHelpFactory(WordWrappingHelp::new)}.
 */
final class WordWrappingHelp extends Help {
    WordWrappingHelp(CommandSpec spec, ColorScheme colorScheme) {
        super(spec, colorScheme);
    }

    private int width() {
        return commandSpec().usageMessage().width();
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
        int longOptionsWidth = calcLongOptionColumnWidth(options, positionals, scheme);
        TextTable table = new WordWrapTable(scheme, TextTable.forDefaultColumns(scheme, longOptionsWidth, width()).columns());
        table.setAdjustLineBreaksForWideCJKCharacters(false);
        return new Layout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
    }

    @Override
    public String commandList(Map<String, Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        int commandLength = Math.min(subcommands.keySet().stream().mapToInt(String::length).max().orElse(0), width() / 2);
        TextTable table = new WordWrapTable(colorScheme(),
                new Column(commandLength + 2, 2, Column.Overflow.SPAN),
                new Column(width() - (commandLength + 2), 2, Column.Overflow.WRAP));
        for (Help help : subcommands.values()) {
            UsageMessageSpec usage = help.commandSpec().usageMessage();
            String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
            Ansi.Text[] lines = colorScheme().text(summary.length > 0 ? String.format(summary[0]) : "").splitLines();
            for (int i = 0; i < lines.length; i++) {
                table.addRowValues(i == 0 ? help.commandNamesText(", ") : colorScheme().text(""), lines[i]);
            }
        }
        return table.toString();
    }

    @Override
    public String description(Object... params) {
        return paragraphs(commandSpec().usageMessage().description(), params);
    }

    @Override
    public String header(Object... params) {
        return paragraphs(commandSpec().usageMessage().header(), params);
    }

    @Override
    public String footer(Object... params) {
        return paragraphs(commandSpec().usageMessage().footer(), params);
    }

    /** What picocli's {@code Help.join} does, in a table that wraps at spaces. */
    private String paragraphs(String[] lines, Object... params) {
        if (lines == null || lines.length == 0) {
            return "";
        }
        TextTable table = new WordWrapTable(colorScheme(), new Column(width(), 0, Column.Overflow.WRAP));
        table.indentWrappedLines = 0;
        for (String line : lines) {
            table.addRowValues(String.format(line, params));
        }
        return table.toString();
    }

    /**
     * A TextTable whose wrapping columns break lines at spaces only (a single word longer than
     * the column is still cut, as picocli does). Each line is handed to picocli already fitting
     * its column, so picocli's own wrapping never comes into play.
     */
    static final class WordWrapTable extends TextTable {
        WordWrapTable(ColorScheme scheme, Column... columns) {
            super(scheme, columns);
        }

        @Override
        public Cell putValue(int row, int col, Ansi.Text value) {
            Column[] columns = columns();
            Column column = columns[col];
            if (column.overflow != Column.Overflow.WRAP || value == null) {
                return super.putValue(row, col, value);
            }
            String plain = value.plainString();
            int start = 0;
            int indent = column.indent;
            while (true) {
                int end = lineEnd(plain, start, column.width - indent);
                Ansi.Text line = value.substring(start, end);
                if (indent > column.indent) {
                    line = Ansi.OFF.new Text(" ".repeat(indent - column.indent)).concat(line);
                }
                super.putValue(row, col, line);
                start = end;
                while (start < plain.length() && plain.charAt(start) == ' ') {
                    start++;
                }
                if (start >= plain.length()) {
                    return new Cell(col, row);
                }
                indent = column.indent + indentWrappedLines;
                addEmptyRow();
                row++;
            }
        }

        /**
         * Where the line starting at {@code start} ends: at the last space that lets it fit in
         * {@code room} characters, trailing spaces dropped; a first word longer than the room
         * is cut at the room.
         */
        static int lineEnd(String text, int start, int room) {
            if (text.length() - start <= room) {
                return text.length();
            }
            int limit = start + Math.max(room, 1);
            int space = text.lastIndexOf(' ', limit);
            while (space > start && text.charAt(space - 1) == ' ') {
                space--;
            }
            return space > start ? space : limit;
        }
    }
}
