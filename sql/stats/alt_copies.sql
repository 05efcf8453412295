-- Section AC: the ALT allele count spectrum over the sites with an ALT (the table's sites): how
-- many have 0, 1, 2, ... of the selected pairs' haplotypes carrying an ALT allele.
SELECT alt_copies, sum(sites) AS sites
FROM stats_site_classes
WHERE alt_alleles > 0
GROUP BY alt_copies
ORDER BY alt_copies
