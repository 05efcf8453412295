package org.hapmatrix.cli;

import java.util.List;
import org.hapmatrix.app.PartConcatenator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code concat}: the gather after a per-contig scatter; parts joined in the order given, one header. */
@Command(name = "concat",
        description = "Join outputs of hapmatrix runs over groups of contigs (in the order given) into one file, as one run would write it.")
final class ConcatCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "PART", description = "Outputs of convert or export (table, phase-Extender, VCF plain or .gz, or BCF), in output order.")
    List<String> parts;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        StatusLine status = status();
        long records = PartConcatenator.concat(parts, output.path);
        status.summary(parts.size() + " part(s) joined, " + records + " record(s)");
        return 0;
    }
}
