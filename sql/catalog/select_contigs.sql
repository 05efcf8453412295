-- The contigs in output order, as store.ContigInfo.
SELECT contig AS name, ordinal, sites, first_pos, last_pos, first_row, last_row FROM contigs ORDER BY ordinal
