package org.hapmatrix.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hapmatrix.export.Region;
import org.hapmatrix.matrix.ForwardingSiteBatchReader;
import org.hapmatrix.matrix.MatrixSource;
import org.hapmatrix.matrix.PhaseSets;
import org.hapmatrix.matrix.SiteBatch;
import org.hapmatrix.matrix.SiteBatchReader;

/**
 * {@code load -r/-R}: the input's sites whose REF overlaps a region (as {@code bcftools view -r}
 * keeps records), in input order; the others are dropped from each batch before it reaches the
 * database. Phase sets, numbered by the input's sites, are renumbered to the kept ones.
 */
final class RegionFilteredSource implements MatrixSource {
    private final MatrixSource source;
    private final Map<String, List<Region>> regions;

    RegionFilteredSource(MatrixSource source, List<Region> regions) {
        this.source = source;
        this.regions = Region.merged(regions);
    }

    @Override
    public SiteBatchReader open() {
        return new Reader(source.open());
    }

    @Override
    public boolean reopenable() {
        return source.reopenable();
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public long sizeBytes() {
        return source.sizeBytes();
    }

    @Override
    public String headerSource() {
        return source.headerSource();
    }

    private final class Reader extends ForwardingSiteBatchReader {
        /** Per contig code: its regions' bounds, from and to alternating, sorted; empty for none. */
        private final List<long[]> bounds = new ArrayList<>();
        private boolean[] keep = new boolean[0];
        private long sitesIn;
        private long sitesKept;
        /** The kept input sites as runs: input site, length, kept number of the first (for phase sets). */
        private long[] runs = new long[3 * 16];
        private int runCount;
        private PhaseSets keptPhaseSets;

        Reader(SiteBatchReader reader) {
            super(reader);
        }

        @Override
        public boolean fill(SiteBatch batch) {
            while (reader.fill(batch)) {
                int size = batch.size();
                if (keep.length < size) {
                    keep = new boolean[batch.capacity()];
                }
                for (int row = 0; row < size; row++) {
                    keep[row] = overlaps(batch, row);
                    if (keep[row]) {
                        addKept(sitesIn + row);
                    }
                }
                sitesIn += size;
                batch.retain(keep);
                if (batch.size() > 0) {
                    return true;
                }
            }
            return false;
        }

        private boolean overlaps(SiteBatch batch, int row) {
            long[] contig = contigBounds(batch.contigCode(row));
            if (contig.length == 0) {
                return false;
            }
            long from = batch.position(row);
            int refCode = batch.fitsBytes() ? (batch.byteColumn(0)[row] & 0xFF) - 1 : (batch.shortColumn(0)[row] & 0xFFFF) - 1;
            long refEnd = Math.max(1, reader.alleles().value(refCode).length()) - 1;
            long to = from > Long.MAX_VALUE - refEnd ? Long.MAX_VALUE : from + refEnd; // a REF cannot reach past the last position
            // The first region ending at or after the site's start: the site overlaps it if it starts by then.
            int low = 0;
            int high = contig.length / 2;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (contig[2 * mid + 1] < from) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low < contig.length / 2 && contig[2 * low] <= to;
        }

        private long[] contigBounds(int code) {
            while (bounds.size() <= code) {
                List<Region> contigRegions = regions.get(reader.contigs().value(bounds.size()));
                long[] values = new long[contigRegions == null ? 0 : 2 * contigRegions.size()];
                for (int i = 0; contigRegions != null && i < contigRegions.size(); i++) {
                    values[2 * i] = contigRegions.get(i).from();
                    values[2 * i + 1] = contigRegions.get(i).to();
                }
                bounds.add(values);
            }
            return bounds.get(code);
        }

        private void addKept(long inputSite) {
            if (runCount > 0 && runs[3 * runCount - 3] + runs[3 * runCount - 2] == inputSite) {
                runs[3 * runCount - 2]++;
            } else {
                if (3 * runCount + 3 > runs.length) {
                    runs = Arrays.copyOf(runs, 2 * runs.length);
                }
                runs[3 * runCount] = inputSite;
                runs[3 * runCount + 1] = 1;
                runs[3 * runCount + 2] = sitesKept;
                runCount++;
            }
            sitesKept++;
        }

        /** The kept number of an input site, or -1 if it was dropped. */
        private long keptSite(long inputSite) {
            int low = 0;
            int high = runCount - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                long start = runs[3 * mid];
                if (inputSite < start) {
                    high = mid - 1;
                } else if (inputSite >= start + runs[3 * mid + 1]) {
                    low = mid + 1;
                } else {
                    return runs[3 * mid + 2] + inputSite - start;
                }
            }
            return -1;
        }

        @Override
        public PhaseSets phaseSets() {
            PhaseSets all = reader.phaseSets();
            if (all == null) {
                return null;
            }
            if (keptPhaseSets != null) {
                keptPhaseSets.close();
            }
            PhaseSets kept = new PhaseSets(all.samples());
            keptPhaseSets = kept;
            all.forEach((site, sample, phaseSet) -> {
                long keptSite = keptSite(site);
                if (keptSite >= 0) {
                    kept.add(keptSite, sample, phaseSet);
                }
            });
            return kept;
        }

        @Override
        public long sitesRead() {
            return sitesKept;
        }

        @Override
        public void close() {
            if (keptPhaseSets != null) {
                keptPhaseSets.close();
            }
            reader.close();
        }
    }
}
