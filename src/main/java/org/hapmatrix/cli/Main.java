package org.hapmatrix.cli;

import java.io.PrintWriter;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.StandardOutput;
import org.hapmatrix.store.DuckDbErrors;
import org.hapmatrix.util.PrintableText;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine;

/**
 * Entry point: runs a command line and exits with its code, picocli's {@link ExitCode}: OK (0),
 * SOFTWARE (1) for a runtime failure, USAGE (2) for a usage error, and 141 when standard output was closed by its reader.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StandardOutput.useProcessStdout();
        try {
            if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
                // What picocli would print, without building the command line by reflection first.
                PrintWriter out = StandardOutput.printWriter();
                out.println(String.join(System.lineSeparator(), new VersionProvider().getVersion()));
                out.flush();
                System.exit(ExitCode.OK);
            }
            if (TopHelp.asked(args) && TopHelp.print(StandardOutput.stream())) {
                System.exit(ExitCode.OK);
            }
        } catch (HapmatrixException e) {
            // A failed write (StandardOutput throws): reported as a command's would be.
            System.exit(reportFailure(e, new PrintWriter(System.err), false));
        }
        if (warmUpWorthIt(args)) {
            ClassWarmup.start();
        }
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            // One line, as every failure; the heap is Java's own, apart from DuckDB's --memory-limit.
            System.err.println("hapmatrix: out of Java heap memory (" + e.getMessage()
                    + "); give Java more with HAPMATRIX_JAVA_OPTS=-Xmx4g (or more)");
            code = ExitCode.SOFTWARE;
        }
        System.exit(code);
    }

    /**
     * Whether {@code args} run a command that opens a database, worth {@link ClassWarmup}: not
     * help or --version, which must start at a hello world's pace and need none of its libraries
     * (this check is here so that they do not even load ClassWarmup).
     */
    private static boolean warmUpWorthIt(String... args) {
        if (args.length == 0 || HapmatrixCommand.SUBCOMMANDS.stream()
                .noneMatch(command -> command.getAnnotation(Command.class).name().equals(args[0]))) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return false;
            }
        }
        return true;
    }

    /** Runs one command line in this JVM and returns its exit code; used by tests too. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /**
     * The configured command line for {@code args}, error handlers included (tests run it with
     * captured streams): with only the subcommand they start with,
     * when they name one (picocli builds each subcommand's model by reflection, a twentieth of a
     * second of every start), else with all of them, so that help and usage errors list them all.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new HapmatrixCommand());
        Class<?> named = args.length == 0 ? null : HapmatrixCommand.SUBCOMMANDS.stream()
                .filter(subcommand -> subcommand.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        for (Class<?> subcommand : named != null ? List.<Class<?>>of(named) : HapmatrixCommand.SUBCOMMANDS) {
            commandLine.addSubcommand(subcommand);
        }
        // picocli applies a command's model transformer only to the tree it is built with; the
        // subcommands added above get theirs here (each changes its spec in place).
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = subcommand.getCommandSpec();
            if (spec.modelTransformer() != null) {
                spec.modelTransformer().transform(spec);
            }
        }
        if (named == null) {
            commandLine.addSubcommand(new HelpCommand()); // last in the command list
        }
        commandLine.setHelpFactory(WordWrappingHelp::new); // after the subcommands: it reaches those present
        // Help and version text too: picocli's own writer would swallow a failed write (after the subcommands, as above).
        commandLine.setOut(StandardOutput.printWriter());
        commandLine.setExecutionStrategy(Main::executeReportingFailedHelpWrites);
        commandLine.setExecutionExceptionHandler(Main::reportFailure);
        commandLine.setParameterExceptionHandler(Main::reportUsageError);
        return commandLine;
    }

    /**
     * picocli's own way of running a command line ({@link RunLast}), with a failed write of the
     * help or version it prints (to {@link StandardOutput}, which throws) reported as a command's
     * failure is: picocli would print that exception's stack trace.
     */
    private static int executeReportingFailedHelpWrites(ParseResult parseResult) {
        CommandLine commandLine = parseResult.commandSpec().commandLine();
        try {
            int code = new RunLast().execute(parseResult);
            commandLine.getOut().flush(); // whatever help picocli left in the writer's buffer
            return code;
        } catch (HapmatrixException e) {
            throw new ExecutionException(commandLine, e.getMessage(), e);
        }
    }

    private static int reportFailure(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        return reportFailure(failure, commandLine.getErr(), debugRequested(parseResult));
    }

    /** One line on {@code err} (and the stack trace when {@code debug}); the exit code. */
    private static int reportFailure(Exception failure, PrintWriter err, boolean debug) {
        if (failure instanceof StandardOutput.Closed) {
            return StandardOutput.EXIT_CLOSED; // its reader has all it wanted: nothing to report
        }
        String message = failure instanceof HapmatrixException known ? known.getMessage()
                : "unexpected error: " + DuckDbErrors.oneLine(failure);
        err.println("hapmatrix: " + PrintableText.oneLine(message));
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        return failure instanceof HapmatrixException known && known.isUsageError() ? ExitCode.USAGE : ExitCode.SOFTWARE;
    }

    private static int reportUsageError(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("hapmatrix: " + PrintableText.oneLine(UsageErrors.message(error)) + " (see --help)");
        err.flush();
        return ExitCode.USAGE;
    }

    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
