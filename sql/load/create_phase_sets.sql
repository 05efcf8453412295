-- The phase sets of a VCF/BCF input that declares its phase-set tag (PS, or --phase-set): one row
-- per phased call that has one. site is the matrix rowid, sample the VCF sample (its default
-- pair's name). A phased call without one belongs to its contig's set (VCF 4.2/4.3), as does every
-- call of a genome matrix, which has no such table.
CREATE TABLE phase_sets (
    site BIGINT NOT NULL,
    sample VARCHAR NOT NULL,
    phase_set BIGINT NOT NULL
)
