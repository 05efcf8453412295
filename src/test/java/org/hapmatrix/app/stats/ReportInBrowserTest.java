package org.hapmatrix.app.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.HeadlessChromium;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in real headless Chromium, offline: it loads without a console message,
 * every chart is drawn (an ECharts SVG with shapes in each chart's box), and a screenshot is kept
 * under target/stats-report/ for people to look at (docs/stats-report.png is one of them).
 */
class ReportInBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "stats-report");
    private static final Pattern CHART_BOX = Pattern.compile("<div[^>]*class=\"chart[^\"]*\"[^>]*>");

    @TempDir
    Path tmp;

    @Test
    void aReportOfFourContigsDrawsEveryChart() throws IOException {
        GeneratedMatrix matrix = MatrixGenerator.seedShaped(7, 20_000);
        Path html = report(matrix, "report.html");
        HeadlessChromium.Page page = HeadlessChromium.load(html, tmp);
        assertEquals(List.of(), page.console(), "console messages");
        // missingness, one heat map per contig (4), spectrum, ALT alleles, contigs
        assertChartsDrawn(page.dom(), 1 + 4 + 3);
        for (String label : List.of("share of the sample&#39;s sites", "window start (position)",
                "ALT copies among the selected pairs&#39; haplotypes (AC)", "ALT alleles at the site", "sites")) {
            assertTrue(page.dom().contains(label) || page.dom().contains(label.replace("&#39;", "'")), label);
        }
        assertTrue(page.dom().contains("hapmatrix stats"));
        screenshot(html, "report.png", 4300);
    }

    @Test
    void twoThousandSamplesScrollAndOneHundredThousandContigsAreSummed() throws IOException {
        GeneratedMatrix wide = generated(2_000, 3, 200, 11);
        Path wideHtml = report(wide, "wide.html");
        HeadlessChromium.Page widePage = HeadlessChromium.load(wideHtml, tmp);
        assertEquals(List.of(), widePage.console(), "console messages");
        assertChartsDrawn(widePage.dom(), 1 + 3 + 3);
        // The bars show 60 samples at a time, so at most that many sample names are drawn.
        String missingChart = chartBoxes(widePage.dom()).get(0);
        long drawnSampleNames = Pattern.compile(">S\\d+[ab]<").matcher(missingChart).results().count();
        assertTrue(drawnSampleNames > 0 && drawnSampleNames <= 60, drawnSampleNames + " sample names drawn");
        screenshot(wideHtml, "report-2000-samples.png", 2400);

        GeneratedMatrix manyContigs = generated(4, 100_000, 1, 12);
        Path contigsHtml = report(manyContigs, "contigs.html");
        HeadlessChromium.Page contigsPage = HeadlessChromium.load(contigsHtml, tmp);
        assertEquals(List.of(), contigsPage.console(), "console messages");
        assertChartsDrawn(contigsPage.dom(), 1 + 6 + 3);
        assertTrue(contigsPage.dom().contains("the other 99,970 contigs summed"), "the other contigs summed in one bar");
        assertTrue(Files.size(contigsHtml) < 3_000_000, Files.size(contigsHtml) + " bytes");
        screenshot(contigsHtml, "report-100000-contigs.png", 2400);
    }

    @Test
    void theReportNeedsNothingFromTheNetwork() throws IOException {
        Path html = report(MatrixGenerator.seedShaped(3, 500), "offline.html");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains(StatsHtml.echarts()), "the charting library is embedded");
        String text = page.replace(StatsHtml.echarts(), ""); // its code holds markup strings of its own
        assertFalse(Pattern.compile("<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|@import").matcher(text).find(),
                "no external script, style sheet or image");
        assertTrue(text.contains("Apache ECharts"));
    }

    private Path report(GeneratedMatrix matrix, String name) {
        Path input = tmp.resolve(name + ".matrix.txt");
        matrix.writeTo(input, true);
        Path html = tmp.resolve(name);
        CliRunner.Result result = CliRunner.run("stats", input.toString(), "--html", html.toString(), "-o",
                tmp.resolve(name + ".tsv").toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        return html;
    }

    private static void assertChartsDrawn(String dom, int charts) {
        assertTrue(dom.contains("data-charts=\"" + charts + "\""), "the page's script drew " + charts + " charts");
        List<String> boxes = chartBoxes(dom);
        assertEquals(charts, boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            String box = boxes.get(i);
            assertTrue(box.contains("<svg"), "chart " + i + " has an SVG");
            long shapes = Pattern.compile("<(path|rect)\\b").matcher(box).results().count();
            assertTrue(shapes >= 5, "chart " + i + " has shapes: " + shapes);
        }
    }

    /** Each chart box's markup, up to the next box or heading. */
    private static List<String> chartBoxes(String dom) {
        List<String> boxes = new ArrayList<>();
        Matcher matcher = CHART_BOX.matcher(dom);
        List<Integer> starts = new ArrayList<>();
        while (matcher.find()) {
            starts.add(matcher.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : dom.length();
            String box = dom.substring(starts.get(i), end);
            int heading = box.indexOf("<h", 1);
            boxes.add(heading > 0 ? box.substring(0, heading) : box);
        }
        return boxes;
    }

    private void screenshot(Path html, String name, int height) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve(name);
        Files.deleteIfExists(png);
        HeadlessChromium.screenshot(html, png, 1280, height, tmp);
        assertTrue(Files.size(png) > 10_000, "a screenshot with content");
    }

    /** {@code samples} samples S1a, S1b, ... (pairs), {@code contigs} contigs of {@code sitesPerContig} sites. */
    static GeneratedMatrix generated(int samples, int contigs, int sitesPerContig, long seed) {
        Random random = new Random(seed);
        List<String> columns = new ArrayList<>(List.of("CHROM", "POS", "REF"));
        for (int i = 0; i < samples; i++) {
            columns.add("S" + (i / 2 + 1) + (i % 2 == 0 ? "a" : "b"));
        }
        String[] bases = {"A", "C", "G", "T"};
        List<List<String>> rows = new ArrayList<>();
        for (int c = 1; c <= contigs; c++) {
            for (int p = 1; p <= sitesPerContig; p++) {
                List<String> row = new ArrayList<>(List.of("ctg" + c, Integer.toString(p * 10), bases[random.nextInt(4)]));
                String alt = bases[random.nextInt(4)];
                String secondAlt = bases[random.nextInt(4)];
                double missingRate = 0.01 + 0.1 * random.nextDouble();
                for (int s = 0; s < samples; s++) {
                    double roll = random.nextDouble();
                    row.add(roll < missingRate ? "N" : roll < missingRate + 0.01 ? "-" : roll < 0.45 ? alt : roll < 0.5 ? secondAlt : row.get(2));
                }
                rows.add(row);
            }
        }
        return new GeneratedMatrix(columns, rows);
    }
}
