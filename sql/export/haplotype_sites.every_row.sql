-- haplotype_sites for --gaps deletion: every row of the unit, also those whose ALT is empty (the
-- formatter skips them unless one anchors a deletion).
TRUE
