package org.hapmatrix.matrix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hapmatrix.HapmatrixException;

/** Where sample pairs come from: the default a/b naming rule, {@code --pair} options, or a pairs file. */
public final class SamplePairs {
    private SamplePairs() {
    }

    /**
     * Every two samples whose names differ only in a final 'a' / 'b' make the pair named by both names
     * concatenated ({@code 10a}, {@code 10b} -> {@code 10a10b}), ordered by that name in byte order.
     */
    public static List<SamplePair> byNamingRule(Collection<String> samples) {
        Set<String> names = new HashSet<>(samples);
        List<SamplePair> pairs = new ArrayList<>();
        for (String sample : samples) {
            if (sample.endsWith("a")) {
                String partner = sample.substring(0, sample.length() - 1) + "b";
                if (names.contains(partner)) {
                    pairs.add(new SamplePair(sample + partner, sample, partner));
                }
            }
        }
        pairs.sort((x, y) -> Arrays.compareUnsigned(utf8(x.name()), utf8(y.name())));
        return pairs;
    }

    /**
     * Parses one pair written {@code NAME=SAMPLE_A,SAMPLE_B}, or a lone {@code NAME}: the default pair
     * of that name (as a VCF we wrote names its samples), resolved by {@link #resolveNamed} once the
     * samples are known; IllegalArgumentException if it is neither.
     */
    public static SamplePair parse(String spec) {
        int equals = spec.indexOf('=');
        if (equals < 0 && !spec.isEmpty() && spec.indexOf(',') < 0
                && spec.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
            return new SamplePair(spec, null, null);
        }
        String[] samples = equals < 0 ? new String[0] : spec.substring(equals + 1).split(",", -1);
        if (equals <= 0 || samples.length != 2 || samples[0].isEmpty() || samples[1].isEmpty()) {
            throw new IllegalArgumentException("expected NAME=SAMPLE_A,SAMPLE_B, not '" + spec + "'");
        }
        if (spec.substring(0, equals).chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
            // It becomes two column names of the output's header line, which tabs and line ends would split.
            throw new IllegalArgumentException("a pair name must not contain a tab or a line break");
        }
        return new SamplePair(spec.substring(0, equals), samples[0], samples[1]);
    }

    /** Reads a pairs file: one {@code NAME<TAB>SAMPLE_A<TAB>SAMPLE_B} per line; blank lines and '#' comments skipped. */
    public static List<SamplePair> readFile(Path file) {
        byte[] bytes;
        if (Files.isDirectory(file)) {
            throw HapmatrixException.usage(file + ": is a directory, not a pairs file");
        }
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw HapmatrixException.usage(file + ": no such pairs file");
        } catch (IOException e) {
            throw HapmatrixException.usage(file + ": cannot read pairs file: " + e.getMessage());
        }
        List<SamplePair> pairs = new ArrayList<>();
        int lineNumber = 0;
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            String line = decode(bytes, start, end, file, lineNumber);
            start = end + 1;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            // Names are taken as written, spaces included; only a CRLF line end is dropped.
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length == 1 && !fields[0].isEmpty()) {
                pairs.add(new SamplePair(fields[0], null, null, file + ":" + lineNumber)); // a default pair by name
                continue;
            }
            if (fields.length != 3 || Arrays.stream(fields).anyMatch(String::isEmpty)) {
                throw HapmatrixException.at(file.toString(), lineNumber,
"expected NAME<TAB>SAMPLE_A<TAB>SAMPLE_B or a default pair's NAME, found " + fields.length + " field(s)");
            }
            if (fields[0].indexOf('\r') >= 0) {
                throw HapmatrixException.at(file.toString(), lineNumber, "a pair name must not contain a line break");
            }
            pairs.add(new SamplePair(fields[0], fields[1], fields[2], file + ":" + lineNumber));
        }
        if (pairs.isEmpty()) {
            throw HapmatrixException.usage(file + ": pairs file lists no pair");
        }
        return pairs;
    }

    private static String decode(byte[] bytes, int from, int to, Path file, int lineNumber) {
        return Utf8.decode(bytes, from, to)
                .orElseThrow(() -> HapmatrixException.at(file.toString(), lineNumber, "not valid UTF-8"));
    }

    /**
     * Checks explicit pairs against the matrix's samples: known samples, two different ones, unique pair names.
     * {@code sourceOfSamples} names where the samples come from (matrix, header file or database), for the message.
     */
    public static void validate(List<SamplePair> pairs, Collection<String> samples, String sourceOfSamples) {
        pairs = resolveNamed(pairs, samples, sourceOfSamples);
        String source;
        Set<String> known = new HashSet<>(samples);
        Map<String, SamplePair> byName = new LinkedHashMap<>();
        for (SamplePair pair : pairs) {
            // A pair from a file is blamed on its line there; one from an option on the samples' source.
            source = pair.origin() != null ? pair.origin() : sourceOfSamples;
            for (String sample : List.of(pair.sampleA(), pair.sampleB())) {
                if (!known.contains(sample)) {
                    throw HapmatrixException.usage(source + ": pair '" + pair.name() + "': unknown sample '" + sample
                            + "'");
                }
            }
            if (pair.sampleA().equals(pair.sampleB())) {
                throw HapmatrixException.usage(source + ": pair '" + pair.name() + "' names sample '"
                        + pair.sampleA() + "' twice");
            }
            if (byName.putIfAbsent(pair.name(), pair) != null) {
                throw HapmatrixException.usage(source + ": pair name '" + pair.name() + "' is given twice");
            }
        }
    }

    /**
     * The pairs with each one given by name only ({@code --pair 10a10b}, a one-field line of a pairs
     * file) replaced by the default pair of that name; an unknown name is a usage error.
     */
    public static List<SamplePair> resolveNamed(List<SamplePair> pairs, Collection<String> samples, String sourceOfSamples) {
        if (pairs.stream().allMatch(p -> p.sampleA() != null)) {
            return pairs;
        }
        Map<String, SamplePair> defaults = new LinkedHashMap<>();
        byNamingRule(samples).forEach(p -> defaults.put(p.name(), p));
        List<SamplePair> resolved = new ArrayList<>();
        for (SamplePair pair : pairs) {
            if (pair.sampleA() != null) {
                resolved.add(pair);
                continue;
            }
            SamplePair named = defaults.get(pair.name());
            if (named == null) {
                throw HapmatrixException.usage((pair.origin() != null ? pair.origin() : sourceOfSamples)
                        + ": unknown pair '" + pair.name()
                        + "' (not a default a/b pair's name; give it as NAME=SAMPLE_A,SAMPLE_B)");
            }
            resolved.add(new SamplePair(named.name(), named.sampleA(), named.sampleB(), pair.origin()));
        }
        return resolved;
    }

    /**
     * The pairs {@code --samples} keeps: those whose two samples are both named, and those whose own
     * name is named (a VCF's sample names are pair names). A name that is both a sample and a pair
     * name counts as both. A name that is neither is a usage error.
     */
    public static List<SamplePair> keptBySamples(List<SamplePair> pairs, List<String> names,
                                                 Collection<String> samples, String sourceOfSamples) {
        Set<String> known = new HashSet<>(samples);
        pairs.forEach(p -> known.add(p.name()));
        for (String name : names) {
            if (!known.contains(name)) {
                throw HapmatrixException.usage(sourceOfSamples + ": unknown sample '" + name + "'");
            }
        }
        Set<String> kept = Set.copyOf(names);
        return pairs.stream().filter(p -> kept.contains(p.name())
                || kept.contains(p.sampleA()) && kept.contains(p.sampleB())).toList();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
