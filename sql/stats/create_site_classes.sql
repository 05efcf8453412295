-- The one pass over the matrix behind sections CONTIG, ALT_ALLELES and AC: sites of the selected
-- contigs grouped by contig, number of ALT alleles and ALT copies, into the temporary table
-- stats_site_classes (a few rows per contig; the database stays read-only).
-- alt_alleles: the number of ALT alleles as the table writes them (the distinct alleles of the
-- ALT samples, minus N and minus REF; `-` counts), {{alt_alleles}} (site_classes.alt_bits for
-- alphabets up to 64 alleles, else site_classes.alt_list).
-- alt_copies: how many of the selected pairs' haplotypes (two per pair, a sample in two pairs
-- counted twice) carry an ALT allele, i.e. an allele other than REF and N (a gap counts): the
-- sum of the VCF's INFO AC over its ALT alleles; {{alt_copies}} sums site_classes.alt_copy per
-- pair sample (site_classes.no_pairs without pairs).
CREATE TEMP TABLE stats_site_classes AS
SELECT contig, alt_alleles, alt_copies, count(*) AS sites, min(pos) AS first_pos, max(pos) AS last_pos
FROM (
    SELECT contig, pos, {{alt_alleles}} AS alt_alleles, {{alt_copies}} AS alt_copies
    FROM matrix
    WHERE {{selected}}
)
GROUP BY contig, alt_alleles, alt_copies
