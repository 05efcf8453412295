-- Section WINDOW: per selected pair, contig (output order) and window with sites, the pair's
-- sites, missing and differing sites; compared = sites - missing.
SELECT w.pair, w.contig, w.window_start, w.sites, w.missing, w.differ
FROM stats_pair_windows AS w
JOIN contigs AS c ON c.contig = w.contig
ORDER BY w.pair_index, c.ordinal, w.window_start
