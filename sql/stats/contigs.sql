-- Section CONTIG: per selected contig in output order, its sites, those with an ALT (the sites
-- the table writes), those with two or more ALT alleles, first and last position.
SELECT c.contig,
       sum(s.sites) AS sites,
       coalesce(sum(s.sites) FILTER (WHERE s.alt_alleles > 0), 0) AS alt_sites,
       coalesce(sum(s.sites) FILTER (WHERE s.alt_alleles > 1), 0) AS multiallelic_sites,
       min(s.first_pos) AS first_pos,
       max(s.last_pos) AS last_pos
FROM stats_site_classes AS s
JOIN contigs AS c ON c.contig = s.contig
GROUP BY c.contig, c.ordinal
ORDER BY c.ordinal
