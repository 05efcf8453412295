package org.hapmatrix.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The user documentation as GitHub renders it: README.md and docs/*.md, their relative links and
 * heading anchors, and their {@code console} blocks (a command after {@code $ }, then what it prints).
 */
final class MarkdownDocs {
    /** An inline link or image, {@code [text](target)} or {@code [text](target "title")}. */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A reference definition, {@code [label]: target}. */
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```+|~~~+)\\s*([\\w-]*).*$");

    record Link(Path file, int line, String target) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + target;
        }
    }

    /** One {@code $ command} of a console block and the lines it prints. */
    record ConsoleCommand(Path file, int line, String command, String expectedOutput) {
    }

    private MarkdownDocs() {
    }

    /** README.md and every docs/*.md under {@code root}, in a fixed order. */
    static List<Path> files(Path root) {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(path -> path.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The lines outside fenced code blocks, others blanked (so line numbers stay); code spans dropped when asked. */
    private static List<String> prose(List<String> lines, boolean dropCodeSpans) {
        List<String> prose = new ArrayList<>();
        String fence = null;
        for (String line : lines) {
            Matcher opening = FENCE.matcher(line);
            if (fence == null && opening.matches()) {
                fence = opening.group(1);
                prose.add("");
            } else if (fence != null) {
                if (line.strip().startsWith(fence) && line.strip().replace(fence.substring(0, 1), "").isEmpty()) {
                    fence = null;
                }
                prose.add("");
            } else {
                prose.add(dropCodeSpans ? CODE_SPAN.matcher(line).replaceAll("") : line);
            }
        }
        return prose;
    }

    /** Every link of {@code file} whose target is not an absolute URL (scheme or protocol-relative). */
    static List<Link> relativeLinks(Path file) {
        List<String> lines = prose(read(file), true);
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher inline = INLINE_LINK.matcher(line);
            while (inline.find()) {
                addIfRelative(links, file, i + 1, inline.group(1));
            }
            Matcher reference = REFERENCE_LINK.matcher(line);
            if (reference.matches()) {
                addIfRelative(links, file, i + 1, reference.group(1));
            }
        }
        return links;
    }

    private static void addIfRelative(List<Link> links, Path file, int line, String target) {
        if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !target.startsWith("//")) {
            links.add(new Link(file, line, target));
        }
    }

    /**
     * What is wrong with {@code link} (a missing file, a path out of {@code root}, an anchor no
     * heading of a Markdown target makes), or null when it resolves.
     */
    static String problem(Link link, Path root) {
        String target = link.target();
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? link.file() : link.file().getParent().resolve(path).normalize();
        if (!resolved.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
            return "points outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file: " + root.relativize(resolved);
        }
        if (anchor != null && resolved.getFileName().toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
            return "no heading makes the anchor #" + anchor + " in " + root.relativize(resolved);
        }
        return null;
    }

    /** The anchors GitHub gives the headings of a Markdown file. */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(read(file), false)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /** GitHub's heading slug: lower case, punctuation dropped (but - and _), spaces as -. */
    static String slug(String heading) {
        String text = heading.replaceAll("`", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** The commands of the {@code console} blocks of {@code file}, in order. */
    static List<ConsoleCommand> consoleCommands(Path file) {
        List<String> lines = read(file);
        List<ConsoleCommand> commands = new ArrayList<>();
        boolean inConsole = false;
        String fence = null;
        String command = null;
        int commandLine = 0;
        StringBuilder output = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (fence == null) {
                Matcher opening = FENCE.matcher(line);
                if (opening.matches()) {
                    fence = opening.group(1);
                    inConsole = opening.group(2).equals("console");
                }
                continue;
            }
            boolean closing = line.strip().startsWith(fence) && line.strip().replace(fence.substring(0, 1), "").isEmpty();
            if (inConsole && (closing || line.startsWith("$ "))) {
                if (command != null) {
                    commands.add(new ConsoleCommand(file, commandLine, command, output.toString()));
                }
                command = null;
                output.setLength(0);
            }
            if (closing) {
                fence = null;
                inConsole = false;
            } else if (inConsole && line.startsWith("$ ")) {
                command = line.substring(2);
                commandLine = i + 1;
                while (command.endsWith("\\") && i + 1 < lines.size()) {
                    command = command + "\n" + lines.get(++i); // bash joins a line ending in \ with the next
                }
            } else if (inConsole) {
                if (command == null) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": console block output before any $ command");
                }
                output.append(line).append('\n');
            }
        }
        return commands;
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
