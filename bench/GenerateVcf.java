import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A phased VCF for bench/run.sh's vcfin case: SITES records x SAMPLES samples on contigs 1..3,
 * FORMAT GT, mostly biallelic SNVs with some multi-allelic and indel sites, a few missing and
 * unphased calls, fixed seed. Usage: java bench/GenerateVcf.java SITES SAMPLES FILE
 */
public final class GenerateVcf {
    public static void main(String[] args) throws IOException {
        long sites = Long.parseLong(args[0]);
        int samples = Integer.parseInt(args[1]);
        Random random = new Random(18);
        String[] bases = {"A", "C", "G", "T"};
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(args[2]), 1 << 20)) {
            StringBuilder header = new StringBuilder("##fileformat=VCFv4.2\n");
            for (int c = 1; c <= 3; c++) {
                header.append("##contig=<ID=").append(c).append(",length=250000000>\n");
            }
            header.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
            header.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
            for (int s = 0; s < samples; s++) {
                header.append("\tS").append(s);
            }
            out.write(header.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
            long perContig = (sites + 2) / 3;
            long position = 0;
            StringBuilder line = new StringBuilder();
            for (long i = 0; i < sites; i++) {
                if (i % perContig == 0) {
                    position = 0;
                }
                position += 1 + random.nextInt(60);
                int ref = random.nextInt(4);
                int kind = random.nextInt(100);
                String alt;
                int alleles;
                if (kind < 3) {
                    alt = bases[(ref + 1) % 4] + "," + bases[(ref + 2) % 4];
                    alleles = 3;
                } else if (kind < 6) {
                    alt = bases[ref] + bases[random.nextInt(4)] + bases[random.nextInt(4)];
                    alleles = 2;
                } else {
                    alt = bases[(ref + 1 + random.nextInt(3)) % 4];
                    alleles = 2;
                }
                line.setLength(0);
                line.append(i / perContig + 1).append('\t').append(position).append("\t.\t").append(bases[ref])
                        .append('\t').append(alt).append("\t.\tPASS\t.\tGT");
                double frequency = random.nextDouble() * 0.5;
                for (int s = 0; s < samples; s++) {
                    line.append('\t');
                    int roll = random.nextInt(1000);
                    if (roll == 0) {
                        line.append("./.");
                        continue;
                    }
                    int a = random.nextDouble() < frequency ? 1 + random.nextInt(alleles - 1) : 0;
                    int b = random.nextDouble() < frequency ? 1 + random.nextInt(alleles - 1) : 0;
                    line.append(a).append(roll < 5 ? '/' : '|').append(b);
                }
                line.append('\n');
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }
}
