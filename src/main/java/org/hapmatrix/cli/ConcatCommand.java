package org.hapmatrix.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.hapmatrix.gather.PartConcatenator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code concat}: the gather after a per-contig scatter; parts joined in the order given, one header. */
@Command(name = "concat", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Join outputs of hapmatrix runs over groups of contigs (in the order given) into one file, as one run would write it.")
final class ConcatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PART", description = "Outputs of convert or export, plain or .gz, in output order.")
    List<String> parts;

    @Mixin
    OutputOption output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        StatusLine status = new StatusLine(spec.commandLine().getErr(), common.quiet);
        long records = PartConcatenator.concat(parts, output.path);
        status.summary(parts.size() + " part(s) joined, " + records + " record(s)");
        return 0;
    }
}
