package org.hapmatrix.cli;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hapmatrix.export.ExportLayout;
import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.GapAlleles;
import org.hapmatrix.format.IndexKind;
import org.hapmatrix.format.MissingAlleles;
import org.hapmatrix.format.OutputCodec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --format} and {@code --missing} of the commands that write the haplotype table. */
public final class FormatOptions {
    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: from the output's name in any case, "
                    + "vcf for .vcf, .vcf.gz or .vcf.bgz, bcf for .bcf, else tsv; a name of another format is refused).", completionCandidates = FormatNames.class)
    OutputCodec format;

    @Option(names = "--index", paramLabel = "tbi|csi|none",
            description = "Index beside a BGZF output (.gz, .bgz, .bcf): tbi (default of .vcf.gz; a position beyond 2^29 "
                    + "takes csi), csi (default of .bcf), or none (default of a table); a table's .tbi is tabix -s1 -b2 -e2 -S1's.")
    IndexKind index;

    @Option(names = "--gaps", paramLabel = "star|deletion|missing",
            description = "VCF and BCF: write the allele - (a gap) as * (default), as deletions (a run of gap sites joined "
                    + "with the site before it, as bcftools norm writes a deletion; a run with no adjacent site before it stays *), "
                    + "or as missing data like N. The table and phase-Extender's file always write -.")
    GapAlleles gaps;

    @Option(names = "--missing", paramLabel = "ref|dot",
            description = "Write a pair's N and - as REF (tsv's default) or as . (default of vcf and phase-extender).")
    MissingAlleles missing;

    /** The layout for {@code output}, recording the command line as run (VCF's ##hapmatrix_command). */
    ExportLayout layout(String output, CommandSpec spec) {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        String commandLine = "hapmatrix " + args.stream().map(FormatOptions::quoted).collect(Collectors.joining(" "));
        return ExportLayout.of(format, missing, index, gaps, output, commandLine);
    }

    /**
     * An argument as a shell reads it back, on one line: single quotes, or bash's ANSI-C quoting
     * ({@code $'...'}) when it holds a control character, which plain quotes cannot carry on one line.
     */
    static String quoted(String argument) {
        if (PLAIN_ARGUMENT.matcher(argument).matches()) {
            return argument;
        }
        if (argument.codePoints().noneMatch(FormatOptions::isControl)) {
            return "'" + argument.replace("'", "'\\''") + "'";
        }
        StringBuilder quoted = new StringBuilder("$'");
        argument.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x80 && isControl(c)) {
                        quoted.append(String.format("\\x%02x", c));
                    } else if (isControl(c)) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('\'').toString();
    }

    private static boolean isControl(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
    }

    static final class FormatConverter implements ITypeConverter<OutputCodec> {
        @Override
        public OutputCodec convert(String value) {
            return Codecs.outputNamed(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a format: expected " + Codecs.outputNames(" or ")));
        }
    }

    /** The {@code --format} names, from the codec list. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Codecs.OUTPUT.stream().map(OutputCodec::name).iterator();
        }
    }
}
