SELECT contig, ordinal, sites, first_pos, last_pos, first_row, last_row FROM contigs ORDER BY ordinal
