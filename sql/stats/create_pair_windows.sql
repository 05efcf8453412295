-- The pass behind sections PAIR and WINDOW: over the sites with an ALT of the selected contigs
-- (the table's sites; {{written}} is site_classes.alt_bits or .alt_list, > 0), grouped by contig
-- and window of :window positions (window_start = pos rounded down to a multiple of :window; positions are never negative),
-- per selected pair the sites where either sample is N or - (missing: the table writes REF or .)
-- and those where both are called and differ. {{pair_counts}} holds one pair_windows.pair
-- fragment per pair, a struct column named pair_1, pair_2, ... (pair names are data: they come
-- back from the bound list :pair_names, in the selection's order); UNPIVOT makes one row per
-- window and pair.
CREATE TEMP TABLE stats_pair_windows AS
SELECT contig, window_start,
       CAST(substr(pair_column, 6) AS INTEGER) AS pair_index,
       list_extract(:pair_names, CAST(substr(pair_column, 6) AS INTEGER)) AS pair,
       counts.sites AS sites, counts.missing AS missing, counts.differ AS differ
FROM (
    UNPIVOT (
        SELECT contig, pos - pos % :window AS window_start, {{pair_counts}}
        FROM matrix
        WHERE {{selected}} AND {{written}} > 0
        GROUP BY contig, window_start
    ) ON COLUMNS(* EXCLUDE (contig, window_start)) INTO NAME pair_column VALUE counts
)
