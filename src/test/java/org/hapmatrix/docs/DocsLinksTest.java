package org.hapmatrix.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link of README.md and docs/*.md leads to a file of the repository, and to a heading where it names one. */
class DocsLinksTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void everyRelativeLinkOfTheDocsResolves() {
        List<String> broken = brokenLinks(ROOT);
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void theReadmeLinksEveryDocsPage() {
        List<MarkdownDocs.Link> readmeLinks = MarkdownDocs.relativeLinks(ROOT.resolve("README.md"));
        for (Path page : MarkdownDocs.files(ROOT)) {
            if (page.getParent().equals(ROOT.resolve("docs"))) {
                String name = "docs/" + page.getFileName();
                assertTrue(readmeLinks.stream().anyMatch(link -> link.target().startsWith(name)),
                        "README.md does not link " + name);
            }
        }
    }

    @Test
    void aMissingFileAMissingHeadingAndAPathOutOfTheRepositoryAreReported() throws Exception {
        Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(tmp.resolve("README.md"), """
                # Title

                [fine](docs/a.md#a-heading) [also fine](#title) [web](https://example.org/x.md)
                [gone](docs/missing.md) [no heading](docs/a.md#nowhere) [out](../elsewhere.md)
                `[in code](docs/missing-too.md)`

                ```sh
                [in a block](docs/missing-three.md)
                ```

                [ref]: docs/missing-four.md
                """);
        Files.writeString(tmp.resolve("docs/a.md"), "# A heading\n\n[back](../README.md#title)\n");
        List<String> broken = brokenLinks(tmp);
        assertEquals(4, broken.size(), broken.toString());
        assertTrue(broken.get(0).contains("no such file: docs/missing.md"), broken.get(0));
        assertTrue(broken.get(1).contains("no heading makes the anchor #nowhere in docs/a.md"), broken.get(1));
        assertTrue(broken.get(2).contains("points outside the repository"), broken.get(2));
        assertTrue(broken.get(3).contains("no such file: docs/missing-four.md"), broken.get(3));
    }

    @Test
    void headingsGetGitHubsAnchors() {
        assertEquals("vcf-vcf", MarkdownDocs.slug("VCF (`vcf`)"));
        assertEquals("the-gather-concat", MarkdownDocs.slug("The gather: `concat`"));
        assertEquals("sql-result-formats-read-only-sandboxed", MarkdownDocs.slug("`sql`: result formats, read-only, sandboxed"));
        assertEquals("a-worked-plan-a-1-tb-matrix-of-1000-samples", MarkdownDocs.slug("A worked plan: a 1 TB matrix of 1,000 samples"));
        assertEquals("ünïcode-héading", MarkdownDocs.slug("Ünïcode héading"));
    }

    private static List<String> brokenLinks(Path root) {
        List<String> broken = new ArrayList<>();
        for (Path file : MarkdownDocs.files(root)) {
            for (MarkdownDocs.Link link : MarkdownDocs.relativeLinks(file)) {
                String problem = MarkdownDocs.problem(link, root);
                if (problem != null) {
                    broken.add(root.relativize(link.file()) + ":" + link.line() + ": (" + link.target() + ") " + problem);
                }
            }
        }
        return broken;
    }
}
