package org.hapmatrix.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hapmatrix.app.MatrixContigs;
import org.hapmatrix.io.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code contigs}: the matrix's contig names, one a line, in order of first appearance (the scatter's list). */
@Command(name = "contigs",
        description = "List the matrix's contigs in order of first appearance, one a line (from its tabix index when it has one).")
final class ContigsCommand extends Subcommand {
    @Mixin
    MatrixInputOptions input;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        OutputTarget.checkPath(output.path);
        OutputTarget.requireNotAnInput(output.path, input.inputFiles());
        try (OutputTarget target = OutputTarget.open(output.path)) {
            OutputStream out = target.stream();
            try {
                MatrixContigs.list(input.matrix, input.headerFile != null, contig -> {
                    try {
                        out.write(contig.getBytes(StandardCharsets.UTF_8));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw target.writeFailure(e.getCause());
            }
            target.commit();
        }
        return 0;
    }
}
