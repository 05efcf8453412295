package org.hapmatrix.format;

import org.hapmatrix.export.ExportPlan;
import org.hapmatrix.store.ContigInfo;
import java.io.OutputStream;
import java.util.List;

/**
 * The output formats ({@code --format}). Each names its formatter class, its header and the
 * checks it makes before an output file is created; a new format is one more constant here and
 * one {@link SiteFormatter} subclass.
 */
public enum OutputFormat {
    /** The original program's haplotype table. */
    tsv("tsv", MissingAlleles.ref) {
        @Override
        public byte[] header(ExportPlan plan, String commandLine) {
            return TsvSiteFormatter.header(plan.pairs());
        }

        @Override
        public SiteFormatter formatter(SiteFormatter.Context context, OutputStream out, BgzfPart index) {
            return new TsvSiteFormatter(context, out);
        }
    },
    /** VCF 4.2, one sample per pair. */
    vcf("vcf", MissingAlleles.dot) {
        @Override
        public byte[] header(ExportPlan plan, String commandLine) {
            return VcfSiteFormatter.header(plan.pairs(), contigNames(plan), commandLine);
        }

        @Override
        public SiteFormatter formatter(SiteFormatter.Context context, OutputStream out, BgzfPart index) {
            return new VcfSiteFormatter(context, out, index);
        }

        @Override
        public void check(ExportPlan plan, String source) {
            VcfSiteFormatter.checkContigNames(source, contigNames(plan));
        }
    },
    /** phase-Extender's haplotype file. */
    phase_extender("phase-extender", MissingAlleles.dot) {
        @Override
        public byte[] header(ExportPlan plan, String commandLine) {
            return PhaseExtenderSiteFormatter.header(plan.pairs());
        }

        @Override
        public SiteFormatter formatter(SiteFormatter.Context context, OutputStream out, BgzfPart index) {
            return new PhaseExtenderSiteFormatter(context, out);
        }

        @Override
        public void check(ExportPlan plan, String source) {
            PhaseExtenderSiteFormatter.checkPairNames(plan.pairs());
        }
    };

    private final String optionName;
    private final MissingAlleles defaultMissing;

    OutputFormat(String optionName, MissingAlleles defaultMissing) {
        this.optionName = optionName;
        this.defaultMissing = defaultMissing;
    }

    /** The name {@code --format} takes. */
    public String optionName() {
        return optionName;
    }

    /** How N and - are written unless {@code --missing} says otherwise. */
    public MissingAlleles defaultMissing() {
        return defaultMissing;
    }

    /** The format named on the command line, or null. */
    public static OutputFormat named(String name) {
        for (OutputFormat format : values()) {
            if (format.optionName.equals(name)) {
                return format;
            }
        }
        return null;
    }

    /** The format an output name implies: {@code .vcf} or {@code .vcf.gz} is VCF, anything else (stdout too) the table. */
    public static OutputFormat forOutputName(String output) {
        return output != null && (output.endsWith(".vcf") || output.endsWith(".vcf.gz")) ? vcf : tsv;
    }

    public abstract byte[] header(ExportPlan plan, String commandLine);

    /** @param index for a BGZF VCF, the part whose records go into the tabix index; else null */
    public abstract SiteFormatter formatter(SiteFormatter.Context context, OutputStream out, BgzfPart index);

    /** Refuses, before any output exists, a request this format cannot write. */
    public void check(ExportPlan plan, String source) {
    }

    static List<String> contigNames(ExportPlan plan) {
        return plan.contigs().stream().map(ContigInfo::name).toList();
    }
}
