# The scatter (one convert job per group of contigs) and the gather (concat in contig order).

# The contig listing and the split are quick and need the submit host's view of the files.
localrules:
    all,
    contig_groups,


checkpoint contig_groups:
    input:
        matrix=MATRIX,
    output:
        directory(GROUPS),
    log:
        os.path.join(LOGS, "contig_groups.log"),
    params:
        hapmatrix=HAPMATRIX,
        script=os.path.join(workflow.basedir, "scripts", "contig-groups.sh"),
        contigs_per_job=config["contigs_per_job"],
        header=HEADER_OPTION,
    conda:
        "../envs/hapmatrix.yaml"
    shell:
        "{params.script:q} {params.hapmatrix:q} {input.matrix:q} {output:q} {params.contigs_per_job}"
        " {params.header} 2>&1 | tee {log:q} >&2"


rule convert_group:
    input:
        matrix=MATRIX,
        contigs=os.path.join(GROUPS, "{group}.contigs"),
    output:
        temp(os.path.join(PARTS, f"{{group}}{PART_SUFFIX}")),
    log:
        os.path.join(LOGS, "convert", "{group}.log"),
    threads: config["threads"]
    resources:
        mem_mb=config["mem_mb"],
    params:
        hapmatrix=HAPMATRIX,
        header=HEADER_OPTION,
        options=config["options"],
        memory_limit=MEMORY_LIMIT,
    conda:
        "../envs/hapmatrix.yaml"
    shell:
        "{params.hapmatrix:q} convert {input.matrix:q} {params.header} --contigs-file {input.contigs:q}"
        " -o {output:q} --threads {threads} --memory-limit {params.memory_limit} --quiet {params.options}"
        " 2>&1 | tee {log:q} >&2"


rule concat:
    input:
        parts_in_contig_order,
    output:
        OUTPUT,
    log:
        os.path.join(LOGS, "concat.log"),
    threads: 1
    resources:
        mem_mb=config["concat_mem_mb"],
    params:
        hapmatrix=HAPMATRIX,
    conda:
        "../envs/hapmatrix.yaml"
    shell:
        "{params.hapmatrix:q} concat {input:q} -o {output:q} --quiet 2>&1 | tee {log:q} >&2"
