package org.hapmatrix.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.hapmatrix.io.StandardOutput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand has: --quiet/--debug and its streams (--help and --version come from the top command). */
abstract class Subcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    /**
     * Standard output, reporting a failed write or a closed pipe (see {@link StandardOutput});
     * picocli's own writer would swallow both. Flush it at the end.
     */
    PrintWriter out() {
        return StandardOutput.printWriter();
    }

    /** Progress bars and the closing summary on stderr, silent with --quiet. */
    StatusLine status() {
        return new StatusLine(spec.commandLine().getErr(), common.quiet);
    }
}
