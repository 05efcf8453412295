-- Section PAIR: per selected pair, over the sites with an ALT (the table's sites) of the
-- selected contigs: sites, those where either sample is N or - (missing), those where both are
-- called and differ (a heterozygous site of the pair's individual).
SELECT pair, sum(sites) AS sites, sum(missing) AS missing, sum(differ) AS differ
FROM stats_pair_windows
GROUP BY pair_index, pair
ORDER BY pair_index
