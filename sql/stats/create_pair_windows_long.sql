-- create_pair_windows.sql for more than 256 pair samples (one struct column per pair takes long
-- to plan): the pairs' first and second samples' ENUM codes as two lists ({{a_codes}},
-- {{b_codes}}, site_classes.code each, in the selection's order), and one row per window and
-- pair index (1-based) from range(). Same table, same parameters, plus :pairs (how many).
CREATE TEMP TABLE stats_pair_windows AS
SELECT contig, window_start, pair_index, list_extract(:pair_names, pair_index) AS pair,
       count(*) AS sites,
       count_if(a IN (:n_code, :gap_code) OR b IN (:n_code, :gap_code)) AS missing,
       count_if(a NOT IN (:n_code, :gap_code) AND b NOT IN (:n_code, :gap_code) AND a <> b) AS differ
FROM (
    SELECT contig, window_start, pair_index, a_codes[pair_index] AS a, b_codes[pair_index] AS b
    FROM (
        SELECT contig, pos - pos % :window AS window_start,
               list_value({{a_codes}}) AS a_codes, list_value({{b_codes}}) AS b_codes
        FROM matrix
        WHERE {{selected}} AND {{written}} > 0
    ) CROSS JOIN (SELECT unnest(range(1, :pairs + 1)) AS pair_index)
)
GROUP BY contig, window_start, pair_index
