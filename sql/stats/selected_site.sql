-- The sites `stats` counts (rendered into {{selected}} of the statements here): those of the
-- selected contigs. :all_contigs is true without --contigs; else :contigs lists the names.
(:all_contigs OR contig IN (SELECT unnest(:contigs)))
