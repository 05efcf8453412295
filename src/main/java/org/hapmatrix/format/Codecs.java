package org.hapmatrix.format;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.OpenedInput;

/** The formats hapmatrix knows, in the order help texts list them. */
public final class Codecs {
    /** The output formats; the first is the default for names no other claims (and standard output). */
    public static final List<OutputCodec> OUTPUT = List.of(TableCodec.INSTANCE, VcfCodec.INSTANCE, BcfCodec.INSTANCE, PhaseExtenderCodec.INSTANCE);

    /** The input formats, in the order they are tried on an input's first bytes; the matrix text takes the rest. */
    public static final List<InputCodec> INPUT = List.of(VcfCodec.INSTANCE, BcfCodec.INSTANCE, MatrixTextCodec.INSTANCE);

    /** How many decompressed bytes are enough to recognise any input format: a byte-order mark and VCF's 16. */
    static final int HEAD_BYTES = 3 + 16;

    private Codecs() {
    }

    /** The output format {@code --format} names, if any. */
    public static Optional<OutputCodec> outputNamed(String name) {
        return OUTPUT.stream().filter(codec -> codec.name().equals(name)).findFirst();
    }

    /** The output format an output's name implies: the first that claims it, else the table. */
    public static OutputCodec outputForName(String output) {
        return OUTPUT.stream().filter(codec -> codec.claims(output)).findFirst().orElse(TableCodec.INSTANCE);
    }

    /** Whether some format claims the name by its extension (so {@code --format} must agree with it). */
    public static Optional<OutputCodec> outputClaiming(String output) {
        return OUTPUT.stream().filter(codec -> codec.claims(output)).findFirst();
    }

    /** The output format whose header starts with {@code firstLine}, if any. */
    public static Optional<OutputCodec> outputWithHeader(String firstLine) {
        return OUTPUT.stream().filter(codec -> codec.recognisesHeader(firstLine)).findFirst();
    }

    /** The output format names joined for help and messages: "tsv, vcf or phase-extender". */
    public static String outputNames(String lastSeparator) {
        List<String> names = OUTPUT.stream().map(OutputCodec::name).toList();
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + lastSeparator + names.get(names.size() - 1);
    }

    /** The text output formats' descriptions for concat's messages: "haplotype table, VCF or phase-Extender table". */
    public static String outputDescriptions() {
        List<String> names = OUTPUT.stream().filter(codec -> !codec.alwaysBgzf()).map(OutputCodec::description).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Opens an input in the first format that recognises it. */
    public static OpenedInput openInput(InputCodec.Request request) {
        InputCodec codec = inputFor(request.path());
        try {
            return codec.open(request);
        } finally {
            // A stream peeked but not taken (the codec refused the request) must not be left for a later open.
            MatrixInput.forgetPeeked(request.path());
        }
    }

    /**
     * The input codec for {@code path}: the first that recognises its first decompressed bytes
     * (read without consuming them, see {@link MatrixInput#peek}, so standard input works too).
     */
    public static InputCodec inputFor(String path) {
        byte[] head = MatrixInput.peek(path, HEAD_BYTES);
        return INPUT.stream().filter(codec -> codec.recognises(head, head.length)).findFirst().orElseThrow();
    }
}
