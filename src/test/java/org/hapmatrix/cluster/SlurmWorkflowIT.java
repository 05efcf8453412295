package org.hapmatrix.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scatter/gather on a real SLURM cluster started on this machine (one node: munged,
 * slurmctld, slurmd): workflow/test/slurm-workflow-test.sh runs the Snakemake workflow with
 * --slurm and the sbatch array script on an indexed matrix with odd contig names and compares
 * both with one convert. Then no daemon it started may be left running.
 */
class SlurmWorkflowIT {
    @TempDir
    Path tmp;

    @Test
    void workflowAndArrayScriptOnAOneNodeSlurmClusterEqualOneConvert() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: a SLURM cluster needs root (slurmd, munged); CI runs as root");
        Path work = tmp.resolve("slurm");
        ScriptRunner.Outcome outcome = ScriptRunner.run(tmp, 570, Map.of(), List.of(
                ScriptRunner.PROJECT.resolve("workflow/test/slurm-workflow-test.sh").toString(),
                ScriptRunner.LAUNCHER.toString(), work.toString()));
        assertEquals(0, outcome.exitCode(), outcome.log());
        Path started = work.resolve("started-pids");
        assertTrue(Files.exists(started), "the script recorded no daemon it started");
        for (String line : Files.readAllLines(started)) {
            long pid = Long.parseLong(line.split(" ")[0]);
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "daemon left running: " + line);
        }
    }
}
