INSERT INTO load_info
SELECT :source, :source_bytes, :header_source,
       (SELECT count(*) FROM matrix), (SELECT count(*) FROM contigs), (SELECT count(*) FROM samples),
       now(), :hapmatrix_version, version()
