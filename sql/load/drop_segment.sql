-- A segment of a segmented load (convert without --db) once exported: its sites and contigs go,
-- the next segment is loaded under the same names.
DROP TABLE matrix;
DROP TABLE contigs
