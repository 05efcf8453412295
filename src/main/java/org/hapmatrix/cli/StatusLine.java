package org.hapmatrix.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hapmatrix.util.PrintableText;
import org.hapmatrix.util.Progress;

/**
 * What a command says on stderr besides errors: a progress bar while it works (only when stderr
 * is a terminal) and a one-line summary at the end; nothing at all with --quiet.
 */
final class StatusLine {
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();

    StatusLine(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = !quiet && stderrIsTerminal();
    }

    /** A progress bar for one phase ("load", "export"); a no-op off a terminal. Close it when the phase ends. */
    Bar progress(String task, String unit, long unitSize) {
        return new Bar(terminal ? task : null, unit, unitSize);
    }

    /** The closing summary, e.g. "hapmatrix: 4000000 sites read, 1950805 written, 4 contig(s), 15 pair(s), 2.6 s". */
    void summary(String text) {
        if (!quiet) {
            err.printf("hapmatrix: %s, %.1f s%n", text, (System.nanoTime() - startNanos) / 1e9);
            err.flush();
        }
    }

    /** ", 2 unpaired columns (x y)" for the summary: columns the default a/b pairs leave out; empty for none. */
    static String unpaired(java.util.List<String> columns) {
        if (columns.isEmpty()) {
            return "";
        }
        int shown = Math.min(columns.size(), 10);
        return ", " + columns.size() + " unpaired column" + (columns.size() == 1 ? "" : "s") + " ("
                + org.hapmatrix.util.PrintableText.oneLine(String.join(" ", columns.subList(0, shown)))
                + (shown < columns.size() ? " ..." : "") + ")";
    }

    /** Linux names a terminal's device in /proc; elsewhere only a console with both ends on a terminal counts. */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** A lazily drawn progress bar; the bar itself appears with the first update. */
    static final class Bar implements Progress.Phase {
        private final String task;
        private final String unit;
        private final long unitSize;
        private ProgressBar bar;

        private Bar(String task, String unit, long unitSize) {
            this.task = task;
            this.unit = unit;
            this.unitSize = unitSize;
        }

        @Override
        public void update(long done, long total) {
            if (task == null) {
                return;
            }
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(unit, unitSize).showSpeed()
                        .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                        .setUpdateIntervalMillis(250).build();
            }
            bar.maxHint(total);
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
