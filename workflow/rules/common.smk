# The configuration, checked against workflow/schemas/config.schema.yaml, and what the rules derive
# from it.

import difflib
import os
import shlex
import shutil

from snakemake.exceptions import WorkflowError
from snakemake.utils import validate


def config_error(error):
    """One line for the first way the configuration breaks the schema (jsonschema's ValidationError)."""
    where = f"config key '{error.path[0]}'" if error.path else "config"
    value = error.instance
    if error.validator == "additionalProperties":
        known = sorted(error.schema["properties"])
        unknown = sorted(set(value) - set(known))
        hints = []
        for key in unknown:
            close = difflib.get_close_matches(key, known, n=1)
            hints.append(f"'{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        return f"config: unknown key {', '.join(hints)}; the keys are {', '.join(known)} (config/README.md)"
    if error.validator == "required" or (error.validator == "minLength" and value == ""):
        key = error.message.split("'")[1] if error.validator == "required" else error.path[-1]
        return f"config key '{key}' is required (snakemake --config {key}=...)"
    if error.validator == "minimum":
        return f"{where} is {value!r}; it must be at least {error.validator_value}"
    if error.validator == "type" and error.validator_value == "boolean":
        return f"{where} is {value!r}; it must be true or false (on the command line: True or False)"
    if error.validator == "type":
        return f"{where} is {value!r}; it must be {'an' if error.validator_value == 'integer' else 'a'} {error.validator_value}"
    if error.validator == "not":
        return f"{where} is {value!r}; it {' '.join(error.schema['errorMessage'].split())}"
    return f"{where}: {error.message}"


# `snakemake --config key=` gives None: an empty value, as "" in a file
for key in [key for key, value in config.items() if value is None]:
    config[key] = ""

try:
    validate(config, os.path.join(workflow.basedir, "schemas", "config.schema.yaml"))
except WorkflowError as error:
    # snakemake's message carries the whole schema; the jsonschema error it wraps says what is wrong
    if error.__context__ is None or not hasattr(error.__context__, "validator"):
        raise
    raise WorkflowError(config_error(error.__context__)) from None


def launcher(configured):
    """The hapmatrix command: the configured one, else this checkout's build, else hapmatrix on PATH."""
    if not configured:
        built = os.path.join(workflow.basedir, "..", "target", "hapmatrix")
        configured = built if os.path.exists(built) else "hapmatrix"
    return os.path.abspath(configured) if os.sep in configured else configured


MATRIX = config["matrix"]
OUTPUT = config["output"]
HAPMATRIX = launcher(config["hapmatrix"])
WORK = config["work"] or f"{OUTPUT}.hapmatrix-work"
GROUPS = os.path.join(WORK, "groups")
PARTS = os.path.join(WORK, "parts")
LOGS = os.path.join(WORK, "logs")
# A part has the output's format, uncompressed: the gather compresses once, at the end.
PART_SUFFIX = ".vcf" if OUTPUT.endswith((".vcf", ".vcf.gz")) else ".txt"
HEADER_OPTION = f"--header {shlex.quote(config['header'])}" if config["header"] else ""
# DuckDB's limit leaves the JVM its share of the job's memory (RSS ~ limit + a few hundred MiB).
MEMORY_LIMIT = f"{max(256, config['mem_mb'] - 640)}MB"


def parts_in_contig_order(wildcards):
    """The parts of every contig group the checkpoint wrote, in the groups' (the contigs') order."""
    groups = checkpoints.contig_groups.get().output[0]
    names = sorted(name for name in os.listdir(groups) if name.endswith(".contigs"))
    return [os.path.join(PARTS, name.replace(".contigs", PART_SUFFIX)) for name in names]


def remove_work_folder():
    """After success what the workflow wrote in its work folder goes (and the folder, once empty),
    unless kept; never anything else, since `work` may name a folder of the user's."""
    if config["keep_work"]:
        return
    for folder in (GROUPS, PARTS, LOGS):
        shutil.rmtree(folder, ignore_errors=True)
    try:
        os.rmdir(WORK)
    except OSError:
        pass  # not empty: files of someone else's
