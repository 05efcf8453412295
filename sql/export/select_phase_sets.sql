-- The phase sets of the rowids of one work unit (bounds inclusive), with the two haplotype
-- columns of the sample's default pair, so the export gives them to every pair of those columns.
SELECT s.site, s.phase_set, p.sample_a, p.sample_b
FROM phase_sets AS s
JOIN pairs AS p ON p.pair = s.sample
WHERE s.site BETWEEN ? AND ?
