-- Section ALT_ALLELES: how many sites have 0, 1, 2, ... ALT alleles.
SELECT alt_alleles, sum(sites) AS sites
FROM stats_site_classes
GROUP BY alt_alleles
ORDER BY alt_alleles
