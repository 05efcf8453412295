#!/usr/bin/env bash
# Benchmark hapmatrix on generated seed-shaped matrices, side by side with two peers that this
# script builds and runs itself in the same run:
#   seedfloor  ../shared/bench/Floor.java (SEED_FLOOR overrides the path): the single-pass converter
#           for single-character alleles, 2 threads, no database: the floor the targets are set against
#   floor   bench/FloorConverter.java: a plain single-pass Java converter for any alleles, 2 threads,
#           no database (the general-allele floor)
#   duckdb  bench/duckdb-by-hand.sql run by bench/DuckDbByHand.java through DuckDB's own JDBC
#           driver: read_csv into an ENUM table, one query with list functions, COPY
# Both must write hapmatrix's output byte for byte (checked with cmp on every size).
#
#   bench/run.sh [SIZES...]          (default: 1000000 4000000 16000000)
#
# Environment:
#   RUNS=3                     timed runs per command and size (medians are reported); the
#                              commands and peers alternate within each run
#   COMMANDS="convert load export"
#                              which hapmatrix commands to time. If export is wanted without load,
#                              convert runs as "convert --db DB" so that export has a database.
#   PEERS="seedfloor floor duckdb"  which peers to run beside hapmatrix (none: PEERS=)
#   CASES="wide contigs vcf"   extra cases after the sizes (none: CASES=):
#     wide     WIDE_SITES (20000) sites x 5,000 samples against the same number of cells with
#              31 samples: per-cell time
#     contigs  CONTIG_SITES (200000) sites in 100,000 contigs against the same sites in one contig
#     vcf      convert to .tsv, .vcf and .vcf.gz (with its index) of VCF_SITES (4000000) sites;
#              only when the built tool has --format
#     task     a cluster task: convert --contigs of one contig (the third) of TASK_SITES (4000000)
#              sites through bgzip + tabix, against the same contig's lines as a plain file; CPU s
#     vcfin    VCF input: convert of a generated phased VCF of VCFIN_SITES (1000000) x VCFIN_SAMPLES
#              (100) to the table against bcftools query -f '%CHROM\t%POS\t%REF\t%ALT[\t%GT]\n' of
#              the same file; with VCF_SIMPLIFY (path of VCF-Simplify's VcfSimplify.py, github
#              everestial/VCF-Simplify, kept out of this repository) also SimplifyVCF -toType
#              haplotype against convert --format phase-extender, on the first VCFIN_SIMPLIFY_SITES
#              (100000) sites (pure Python: the whole file takes an hour). With REAL_VCF (a real
#              VCF, e.g. SHAPEIT4's reference.vcf.gz from Debian's shapeit4-example), the same
#              convert vs bcftools query on it.
#   CASE_TIMEOUT=900           seconds after which a case's command counts as FAILED
#   THREADS_CHECK=convert      once per size, compare --threads 1 vs --threads 2 output
#                              (cmp) using convert, or export (cheaper for huge sizes), or none
#   JAVA=java                  the java that runs the generator, the peers and target/hapmatrix
#   ENGINE_OPTS=               extra options for convert, load and export, e.g. "--memory-limit 8GB"
#   KEEP_DATA=1                set to 0 to delete each generated matrix after its size is done
#   KEEP_OUTPUT=1              set to 0 to delete outputs once compared (md5 printed instead)
#
# Every timed command writes a new output file (the previous run's is removed first): replacing an
# existing file makes ext4 write it out at once on close or rename (auto_da_alloc, 0.1 s for a
# 200 MB table), a cost of the file system that would fall on whichever tool replaces a file.
#
# A command that fails prints FAILED with its error and the run moves on. Matrices go to
# bench/data/ (reused if present), outputs, peers and logs to bench/out/; both are git-ignored.
# Needs GNU time at /usr/bin/time (Debian/Ubuntu package "time") and a JDK (javac).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
JAVA=${JAVA:-java}
JAVAC=${JAVAC:-$(dirname "$(readlink -f "$(command -v "$JAVA")")")/javac}
ENGINE_OPTS=${ENGINE_OPTS:-}
RUNS=${RUNS:-3}
COMMANDS=${COMMANDS:-convert load export}
PEERS=${PEERS-seedfloor floor duckdb}
CASES=${CASES-wide contigs vcf task vcfin}
CASE_TIMEOUT=${CASE_TIMEOUT:-900}
THREADS_CHECK=${THREADS_CHECK:-convert}
KEEP_DATA=${KEEP_DATA:-1}
KEEP_OUTPUT=${KEEP_OUTPUT:-1}
WIDE_SITES=${WIDE_SITES:-20000}
WIDE_SAMPLES=5000
CONTIG_SITES=${CONTIG_SITES:-200000}
CONTIG_COUNT=100000
VCF_SITES=${VCF_SITES:-4000000}
TASK_SITES=${TASK_SITES:-4000000}
VCFIN_SITES=${VCFIN_SITES:-1000000}
VCFIN_SAMPLES=${VCFIN_SAMPLES:-100}
VCFIN_SIMPLIFY_SITES=${VCFIN_SIMPLIFY_SITES:-100000}
VCF_SIMPLIFY=${VCF_SIMPLIFY:-}
REAL_VCF=${REAL_VCF:-}
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(1000000 4000000 16000000); fi
DATA=$ROOT/bench/data
OUT=$ROOT/bench/out
JAR=$ROOT/target/hapmatrix.jar
LAUNCHER=$ROOT/target/hapmatrix
mkdir -p "$DATA" "$OUT"

say() { echo "$@" >&2; }
die() { echo "bench/run.sh: $*" >&2; exit 1; }
has() { case " $COMMANDS " in *" $1 "*) return 0;; *) return 1;; esac; }
peer() { case " $PEERS " in *" $1 "*) return 0;; *) return 1;; esac; }
case_wanted() { case " $CASES " in *" $1 "*) return 0;; *) return 1;; esac; }

# --- prerequisites -------------------------------------------------------------------------
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "GNU time (/usr/bin/time) is missing; installing the Debian package 'time'..."
        apt-get install -y time >&2 || { apt-get update >&2 && apt-get install -y time >&2; } \
            || die "could not install the 'time' package"
    else
        die "GNU time is required at /usr/bin/time (with -v). Install it: sudo apt-get install -y time"
    fi
fi
command -v "$JAVA" >/dev/null || die "java not found ($JAVA)"
if [ ! -f "$JAR" ] || [ ! -x "$LAUNCHER" ]; then
    say "building $LAUNCHER ..."
    mvn -q -B -DskipTests package >&2 || die "mvn package failed"
fi
[ -x "$LAUNCHER" ] || die "no $LAUNCHER after the build"

# --- peers ---------------------------------------------------------------------------------
PEER_DIR=$OUT/peers
if [ -n "$PEERS" ]; then
    [ -x "$JAVAC" ] || die "javac not found ($JAVAC; set JAVAC): the peers are compiled here"
    rm -rf "$PEER_DIR"; mkdir -p "$PEER_DIR/floor" "$PEER_DIR/duckdb"
    "$JAVAC" -d "$PEER_DIR/floor" "$ROOT/bench/FloorConverter.java" || die "cannot compile the floor"
    DUCKDB_VERSION=$(sed -n 's:.*<duckdb.version>\(.*\)</duckdb.version>.*:\1:p' pom.xml | head -1)
    DUCKDB_JAR=$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$DUCKDB_VERSION/duckdb_jdbc-$DUCKDB_VERSION.jar
    [ -f "$DUCKDB_JAR" ] || mvn -q -B dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION" >&2 \
        || die "no $DUCKDB_JAR"
    "$JAVAC" -cp "$DUCKDB_JAR" -d "$PEER_DIR/duckdb" "$ROOT/bench/DuckDbByHand.java" || die "cannot compile the DuckDB runner"
    # The driver loads its native library from the class path: a folder ahead of the jar holding
    # the one the build unpacked saves unpacking 72 MB per run (as hapmatrix's own jar does).
    ln -sf "$ROOT"/target/libduckdb_java.so_* "$PEER_DIR/duckdb/"
    FLOOR=("$JAVA" -cp "$PEER_DIR/floor" FloorConverter)
    if peer seedfloor; then
        SEED_FLOOR=${SEED_FLOOR:-$ROOT/../shared/bench/Floor.java}
        [ -f "$SEED_FLOOR" ] || die "no $SEED_FLOOR (set SEED_FLOOR, or PEERS without seedfloor)"
        mkdir -p "$PEER_DIR/seedfloor"
        "$JAVAC" -d "$PEER_DIR/seedfloor" "$SEED_FLOOR" || die "cannot compile $SEED_FLOOR"
        SEEDFLOOR=("$JAVA" -cp "$PEER_DIR/seedfloor" Floor)
    fi
    DUCKDB=("$JAVA" -cp "$PEER_DIR/duckdb:$DUCKDB_JAR" DuckDbByHand "$ROOT/bench/duckdb-by-hand.sql")
fi

# --- machine -------------------------------------------------------------------------------
echo "# hapmatrix benchmark"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "- command: \`RUNS=$RUNS COMMANDS=\"$COMMANDS\" PEERS=\"$PEERS\" CASES=\"$CASES\" THREADS_CHECK=$THREADS_CHECK${ENGINE_OPTS:+ ENGINE_OPTS=\"$ENGINE_OPTS\"} bench/run.sh ${SIZES[*]}\`"
echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "- nproc: $(nproc)"
echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "- CPU: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "- java: $("$JAVA" -version 2>&1 | tr '\n' ' ' | sed 's/  */ /g')"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- tool: target/hapmatrix ($(HAPMATRIX_JAVA=$JAVA "$LAUNCHER" --version 2>/dev/null | head -1))"
echo

# --- helpers -------------------------------------------------------------------------------
# timed LABEL LOG -- CMD...   runs CMD under /usr/bin/time -v; appends "wall_s rss_kib cpu_s" to
# LOG. A failing command prints FAILED and returns 1; the caller moves on.
FAILURES=()
timed() {
    local label=$1 log=$2; shift 3
    local tv=$OUT/time.txt err=$OUT/stderr.txt
    if ! /usr/bin/time -v -o "$tv" "$@" 2>"$err"; then
        say "FAILED: $label: $*"
        tail -n 5 "$err" >&2 || true
        grep -E 'Command terminated|Exit status' "$tv" >&2 || true
        FAILURES+=("- FAILED: $label: \`$*\`: $(grep -v '^\s*$' "$err" | tail -n 1 | cut -c1-200)")
        return 1
    fi
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; wall = s }
        /Maximum resident set size/ { rss = $2 }
        /User time \(seconds\)/ { cpu += $2 }
        /System time \(seconds\)/ { cpu += $2 }
        END { printf "%.3f %d %.2f\n", wall, rss, cpu }' "$tv" >>"$log"
    say "  $label: $(tail -n 1 "$log" | awk '{printf "%.2f s wall, %.0f MiB, %.2f s cpu", $1, $2/1024, $3}')"
}
# case_timed: timed, with a command that counts as failed after CASE_TIMEOUT seconds
case_timed() {
    local label=$1 log=$2; shift 3
    timed "$label" "$log" -- timeout "$CASE_TIMEOUT" "$@"
}

median() { # column of a log -> median (empty if no rows)
    [ -s "$1" ] || return 0
    sort -g -k"$2","$2" "$1" | awk -v c="$2" '{v[NR] = $c} END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { # a b -> a/b with 2 decimals, or n/a
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'
}

ROWS=()
RATIOS=()
CHECKS=()
CASE_ROWS=()
row() { # size bytes label log
    [ -s "$4" ] || { ROWS+=("| $1 | $2 | $3 | 0 | FAILED | | | |"); return 0; }
    local w r c
    w=$(median "$4" 1); r=$(median "$4" 2); c=$(median "$4" 3)
    ROWS+=("$(awk -v s="$1" -v b="$2" -v l="$3" -v w="$w" -v r="$r" -v c="$c" -v n="$(wc -l <"$4")" \
        'BEGIN { printf "| %s | %s | %s | %d | %.2f | %.0f | %.0f | %.2f |", s, b, l, n, w, r / 1024, (w > 0 ? s / w : 0), c }')")
}
# same LABEL A B: cmp two outputs into CHECKS
same() {
    if [ ! -f "$2" ] || [ ! -f "$3" ]; then
        CHECKS+=("- $1: not compared (an output is missing)")
    elif cmp -s "$2" "$3"; then
        CHECKS+=("- $1: identical (cmp)")
    else
        CHECKS+=("- $1: **DIFFER**")
        say "  $1: DIFFERENT"
    fi
}
sites_written() { echo $(($(wc -l <"$1") - 1)); }

"$JAVA" "$ROOT/bench/GenerateMatrix.java" --header "$DATA/header.txt"
H=$DATA/header.txt
export HAPMATRIX_JAVA=$JAVA
J=("$LAUNCHER")

# --- per size ------------------------------------------------------------------------------
for SIZE in "${SIZES[@]}"; do
    M=$DATA/m$SIZE.tsv
    if [ ! -f "$M" ]; then
        say "generating $M ..."
        "$JAVA" "$ROOT/bench/GenerateMatrix.java" "$SIZE" "$M"
    fi
    BYTES=$(stat -c %s "$M")
    D=$OUT/$SIZE
    rm -rf "$D"; mkdir -p "$D"
    DB=$D/db.duckdb
    say "size $SIZE ($BYTES bytes), $RUNS run(s): $COMMANDS${PEERS:+, peers: $PEERS}"
    CONVERT_LABEL=convert
    if has export && ! has load; then CONVERT_LABEL="convert --db"; fi
    for log in convert load export seedfloor floor duckdb; do : >"$D/$log.log"; done

    # One run = every command and peer once, so that a busy moment of the machine hits them all.
    for i in $(seq "$RUNS"); do
        if has convert; then
            if [ "$CONVERT_LABEL" = convert ]; then
                rm -f "$D/convert.tsv"
                timed "convert #$i" "$D/convert.log" -- "${J[@]}" convert $ENGINE_OPTS "$M" --header "$H" -o "$D/convert.tsv" --quiet || true
            else
                rm -f "$DB" "$DB.wal" "$D/convert.tsv"
                timed "convert --db #$i" "$D/convert.log" -- "${J[@]}" convert $ENGINE_OPTS "$M" --header "$H" --db "$DB" -o "$D/convert.tsv" --quiet || true
            fi
        fi
        if peer seedfloor; then
            rm -f "$D/seedfloor.tsv"
            timed "seed floor #$i" "$D/seedfloor.log" -- "${SEEDFLOOR[@]}" "$M" "$H" "$D/seedfloor.tsv" 2 || true
        fi
        if peer floor; then
            rm -f "$D/floor.tsv"
            timed "floor #$i" "$D/floor.log" -- "${FLOOR[@]}" "$M" "$H" "$D/floor.tsv" || true
        fi
        if peer duckdb; then
            rm -f "$D/duckdb.tsv"
            timed "DuckDB by hand #$i" "$D/duckdb.log" -- "${DUCKDB[@]}" "$M" "$H" "$D/duckdb.tsv" || true
        fi
        if has load; then
            rm -f "$DB" "$DB.wal"
            timed "load #$i" "$D/load.log" -- "${J[@]}" load $ENGINE_OPTS "$M" --header "$H" --db "$DB" --quiet || true
        fi
        if has export; then
            if [ ! -f "$DB" ]; then
                say "  (no database yet: loading once, untimed)"
                "${J[@]}" load $ENGINE_OPTS "$M" --header "$H" --db "$DB" --quiet || true
            fi
            rm -f "$D/export.tsv"
            timed "export #$i" "$D/export.log" -- "${J[@]}" export $ENGINE_OPTS --db "$DB" -o "$D/export.tsv" --quiet || true
        fi
    done
    has convert && row "$SIZE" "$BYTES" "$CONVERT_LABEL" "$D/convert.log"
    has load && row "$SIZE" "$BYTES" "load" "$D/load.log"
    has export && row "$SIZE" "$BYTES" "export" "$D/export.log"
    peer seedfloor && row "$SIZE" "$BYTES" "seed floor (peer)" "$D/seedfloor.log"
    peer floor && row "$SIZE" "$BYTES" "floor (peer)" "$D/floor.log"
    peer duckdb && row "$SIZE" "$BYTES" "DuckDB by hand (peer)" "$D/duckdb.log"
    [ -f "$DB" ] && say "  database: $(stat -c %s "$DB") bytes"

    # Outputs: every one against hapmatrix's (convert, else export).
    REF=$D/convert.tsv
    [ -f "$REF" ] || REF=$D/export.tsv
    if [ -f "$REF" ]; then
        say "  output: $(stat -c %s "$REF") bytes, $(sites_written "$REF") sites written"
        CHECKS+=("- $SIZE sites: output $(stat -c %s "$REF") bytes, $(sites_written "$REF") sites written, md5 $(md5sum <"$REF" | cut -d' ' -f1)")
    fi
    [ "$REF" = "$D/export.tsv" ] || { has export && same "$SIZE sites: convert vs export" "$REF" "$D/export.tsv"; }
    peer seedfloor && same "$SIZE sites: seed floor vs hapmatrix" "$D/seedfloor.tsv" "$REF"
    peer floor && same "$SIZE sites: floor vs hapmatrix" "$D/floor.tsv" "$REF"
    peer duckdb && same "$SIZE sites: DuckDB by hand vs hapmatrix" "$D/duckdb.tsv" "$REF"
    FLOOR_WALL=$(median "$D/floor.log" 1)
    SEED_WALL=$(median "$D/seedfloor.log" 1)
    RATIOS+=("| $SIZE | $(ratio "$(median "$D/convert.log" 1)" "$SEED_WALL") | $(ratio "$(median "$D/convert.log" 1)" "$FLOOR_WALL") | $(ratio "$(median "$D/duckdb.log" 1)" "$(median "$D/convert.log" 1)") | $(ratio "$(median "$D/export.log" 1)" "$FLOOR_WALL") | $(ratio "$(median "$D/load.log" 1)" "$FLOOR_WALL") | $(ratio "$(median "$D/convert.log" 3)" "$(median "$D/floor.log" 3)") |")
    [ "$KEEP_OUTPUT" = 1 ] || rm -f "$D/seedfloor.tsv" "$D/floor.tsv" "$D/duckdb.tsv" "$D/export.tsv" "$D/convert.tsv"

    case $THREADS_CHECK in
        convert)
            "${J[@]}" convert $ENGINE_OPTS "$M" --header "$H" -o "$D/t1.tsv" --threads 1 --quiet || true
            "${J[@]}" convert $ENGINE_OPTS "$M" --header "$H" -o "$D/t2.tsv" --threads 2 --quiet || true ;;
        export)
            [ -f "$DB" ] || "${J[@]}" load $ENGINE_OPTS "$M" --header "$H" --db "$DB" --quiet || true
            "${J[@]}" export $ENGINE_OPTS --db "$DB" -o "$D/t1.tsv" --threads 1 --quiet || true
            "${J[@]}" export $ENGINE_OPTS --db "$DB" -o "$D/t2.tsv" --threads 2 --quiet || true ;;
        none) ;;
        *) die "THREADS_CHECK must be convert, export or none" ;;
    esac
    if [ "$THREADS_CHECK" != none ]; then
        same "$SIZE sites: \`$THREADS_CHECK --threads 1\` vs \`--threads 2\`" "$D/t1.tsv" "$D/t2.tsv"
        rm -f "$D/t1.tsv" "$D/t2.tsv"
    fi
    rm -f "$DB" "$DB.wal"
    [ "$KEEP_DATA" = 1 ] || rm -f "$M"
done

# --- extra cases ---------------------------------------------------------------------------
# case_pair NAME A_LABEL A_MATRIX A_HEADER B_LABEL B_MATRIX B_HEADER: converts of A and B
# alternating, RUNS times each; logs in $OUT/NAME/{a,b}.log, outputs a.tsv, b.tsv
case_pair() {
    local name=$1 la=$2 ma=$3 ha=$4 lb=$5 mb=$6 hb=$7 d=$OUT/$1
    rm -rf "$d"; mkdir -p "$d"; : >"$d/a.log"; : >"$d/b.log"
    for i in $(seq "$RUNS"); do
        case_timed "$la #$i" "$d/a.log" -- "${J[@]}" convert $ENGINE_OPTS "$ma" --header "$ha" -o "$d/a.tsv" --quiet || true
        case_timed "$lb #$i" "$d/b.log" -- "${J[@]}" convert $ENGINE_OPTS "$mb" --header "$hb" -o "$d/b.tsv" --quiet || true
    done
    if peer floor; then
        : >"$d/floor.log"
        timed "floor on $la" "$d/floor.log" -- "${FLOOR[@]}" "$ma" "$ha" "$d/floor.tsv" || true
        same "$name case: floor vs hapmatrix on $la" "$d/floor.tsv" "$d/a.tsv"
    fi
}
generate() { # SITES FILE [GENERATOR OPTIONS...]
    local sites=$1 file=$2; shift 2
    if [ ! -f "$file" ]; then
        say "generating $file ..."
        "$JAVA" "$ROOT/bench/GenerateMatrix.java" "$@" "$sites" "$file"
    fi
}

if case_wanted wide; then
    say "case wide: $WIDE_SITES sites x $WIDE_SAMPLES samples vs the same cells x 31 samples"
    WH=$DATA/header-$WIDE_SAMPLES.txt
    "$JAVA" "$ROOT/bench/GenerateMatrix.java" --samples "$WIDE_SAMPLES" --header "$WH"
    WM=$DATA/wide-$WIDE_SITES.tsv
    generate "$WIDE_SITES" "$WM" --samples "$WIDE_SAMPLES"
    NARROW_SITES=$((WIDE_SITES * WIDE_SAMPLES / 31))
    NM=$DATA/m$NARROW_SITES.tsv
    generate "$NARROW_SITES" "$NM"
    case_pair wide "wide ($WIDE_SAMPLES samples)" "$WM" "$WH" "narrow (31 samples)" "$NM" "$H"
    WA=$(median "$OUT/wide/a.log" 1); WB=$(median "$OUT/wide/b.log" 1)
    CASE_ROWS+=("| wide: $WIDE_SITES sites x $WIDE_SAMPLES samples | ${WA:-FAILED} | $(median "$OUT/wide/a.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | $NARROW_SITES sites x 31 samples (same cells) | ${WB:-FAILED} | $(median "$OUT/wide/b.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | $(ratio "$WA" "$WB") (per cell) |")
    [ "$KEEP_DATA" = 1 ] || rm -f "$WM" "$NM"
fi

if case_wanted contigs; then
    say "case contigs: $CONTIG_SITES sites in $CONTIG_COUNT contigs vs in one contig"
    CM=$DATA/contigs-$CONTIG_COUNT-$CONTIG_SITES.tsv
    OM=$DATA/contigs-1-$CONTIG_SITES.tsv
    generate "$CONTIG_SITES" "$CM" --contigs "$CONTIG_COUNT"
    generate "$CONTIG_SITES" "$OM" --contigs 1
    case_pair contigs "$CONTIG_COUNT contigs" "$CM" "$H" "one contig" "$OM" "$H"
    CA=$(median "$OUT/contigs/a.log" 1); CB=$(median "$OUT/contigs/b.log" 1)
    CASE_ROWS+=("| contigs: $CONTIG_SITES sites in $CONTIG_COUNT contigs | ${CA:-FAILED} | $(median "$OUT/contigs/a.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | the same sites in one contig | ${CB:-FAILED} | $(median "$OUT/contigs/b.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | $(ratio "$CA" "$CB") |")
    [ "$KEEP_DATA" = 1 ] || rm -f "$CM" "$OM"
fi

if case_wanted vcf; then
    if ! "$LAUNCHER" convert --help 2>/dev/null | grep -q -- --format; then
        say "case vcf: skipped (this build's convert has no --format)"
        CASE_ROWS+=("| vcf | skipped: this build's \`convert\` has no \`--format\` | | | | | |")
    else
        say "case vcf: $VCF_SITES sites to .tsv, .vcf and .vcf.gz"
        VM=$DATA/m$VCF_SITES.tsv
        generate "$VCF_SITES" "$VM"
        d=$OUT/vcf; rm -rf "$d"; mkdir -p "$d"; : >"$d/tsv.log"; : >"$d/vcf.log"; : >"$d/vcfgz.log"
        for i in $(seq "$RUNS"); do
            case_timed "tsv #$i" "$d/tsv.log" -- "${J[@]}" convert $ENGINE_OPTS "$VM" --header "$H" -o "$d/out.tsv" --quiet || true
            case_timed ".vcf #$i" "$d/vcf.log" -- "${J[@]}" convert $ENGINE_OPTS "$VM" --header "$H" --format vcf -o "$d/out.vcf" --quiet || true
            case_timed ".vcf.gz #$i" "$d/vcfgz.log" -- "${J[@]}" convert $ENGINE_OPTS "$VM" --header "$H" --format vcf -o "$d/out.vcf.gz" --quiet || true
        done
        TW=$(median "$d/tsv.log" 1); VW=$(median "$d/vcf.log" 1); GW=$(median "$d/vcfgz.log" 1)
        CASE_ROWS+=("| .vcf: $VCF_SITES sites | ${VW:-FAILED} | $(median "$d/vcf.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | .tsv | ${TW:-FAILED} | $(median "$d/tsv.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | $(ratio "$VW" "$TW") |")
        CASE_ROWS+=("| .vcf.gz + .tbi: $VCF_SITES sites | ${GW:-FAILED} | $(median "$d/vcfgz.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | .tsv | ${TW:-FAILED} | | $(ratio "$GW" "$TW") |")
        if [ -f "$d/out.vcf.gz" ] && [ -f "$d/out.tsv" ] && command -v bcftools >/dev/null; then
            if [ "$(bcftools view -H "$d/out.vcf.gz" 2>/dev/null | wc -l)" = "$(sites_written "$d/out.tsv")" ]; then
                CHECKS+=("- vcf case: bcftools reads as many records from the .vcf.gz as the .tsv has sites")
            else
                CHECKS+=("- vcf case: bcftools record count of the .vcf.gz **DIFFERS** from the .tsv's sites")
            fi
        fi
        [ "$KEEP_OUTPUT" = 1 ] || rm -f "$d"/out.*
    fi
fi

if case_wanted task; then
    if ! command -v bgzip >/dev/null || ! command -v tabix >/dev/null; then
        say "case task: skipped (no bgzip/tabix)"
        CASE_ROWS+=("| task | skipped: no bgzip or tabix | | | | | |")
    else
        TM=$DATA/m$TASK_SITES.tsv
        generate "$TASK_SITES" "$TM"
        d=$OUT/task; rm -rf "$d"; mkdir -p "$d"; : >"$d/indexed.log"; : >"$d/plain.log"
        TASK_CONTIG=$(cut -f1 "$TM" | uniq | sed -n 3p)
        say "case task: contig $TASK_CONTIG of $TASK_SITES sites, through the index vs as a plain file"
        (cat "$H" "$TM") | bgzip -c >"$d/m.tsv.gz" && tabix -s1 -b2 -e2 -S1 "$d/m.tsv.gz"
        (cat "$H"; awk -F'\t' -v c="$TASK_CONTIG" '$1 == c' "$TM") >"$d/contig.tsv"
        for i in $(seq "$RUNS"); do
            case_timed "one contig through the index #$i" "$d/indexed.log" -- "${J[@]}" convert $ENGINE_OPTS "$d/m.tsv.gz" --contigs "$TASK_CONTIG" -o "$d/indexed.tsv" --quiet || true
            case_timed "one contig, plain file #$i" "$d/plain.log" -- "${J[@]}" convert $ENGINE_OPTS "$d/contig.tsv" -o "$d/plain.tsv" --quiet || true
        done
        same "task case: through the index vs the plain file" "$d/indexed.tsv" "$d/plain.tsv"
        IC=$(median "$d/indexed.log" 3); PC=$(median "$d/plain.log" 3)
        CASE_ROWS+=("| task: contig $TASK_CONTIG of $TASK_SITES sites through the index, CPU s | ${IC:-FAILED} | $(median "$d/indexed.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | the same lines as a plain file, CPU s | ${PC:-FAILED} | $(median "$d/plain.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | $(ratio "$IC" "$PC") (CPU) |")
        [ "$KEEP_OUTPUT" = 1 ] || rm -f "$d"/*.tsv "$d"/m.tsv.gz*
    fi
fi

# vcf_vs_bcftools LABEL VCF DIR: convert VCF to the table vs bcftools query, RUNS times alternating
vcf_vs_bcftools() {
    local label=$1 vcf=$2 d=$3
    : >"$d/convert.log"; : >"$d/query.log"
    for i in $(seq "$RUNS"); do
        rm -f "$d/out.tsv" "$d/query.txt"
        case_timed "$label: convert #$i" "$d/convert.log" -- "${J[@]}" convert $ENGINE_OPTS "$vcf" -o "$d/out.tsv" --quiet || true
        case_timed "$label: bcftools query #$i" "$d/query.log" -- bcftools query -f '%CHROM\t%POS\t%REF\t%ALT[\t%GT]\n' -o "$d/query.txt" "$vcf" || true
    done
    local cw qw
    cw=$(median "$d/convert.log" 1); qw=$(median "$d/query.log" 1)
    CASE_ROWS+=("| VCF in: $label, convert to .tsv | ${cw:-FAILED} | $(median "$d/convert.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | bcftools query (VCF to table) | ${qw:-FAILED} | $(median "$d/query.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | $(ratio "$cw" "$qw") |")
}

if case_wanted vcfin; then
    if ! command -v bcftools >/dev/null; then
        say "case vcfin: skipped (no bcftools; scripts/install-tools installs it)"
    else
        VI=$DATA/vcfin-$VCFIN_SITES-$VCFIN_SAMPLES.vcf
        if [ ! -f "$VI" ]; then
            say "generating $VI ..."
            "$JAVA" "$ROOT/bench/GenerateVcf.java" "$VCFIN_SITES" "$VCFIN_SAMPLES" "$VI"
        fi
        d=$OUT/vcfin; rm -rf "$d"; mkdir -p "$d"
        say "case vcfin: $VCFIN_SITES sites x $VCFIN_SAMPLES samples ($(stat -c %s "$VI") bytes)"
        vcf_vs_bcftools "$VCFIN_SITES x $VCFIN_SAMPLES generated" "$VI" "$d"
        if [ -n "$REAL_VCF" ]; then
            mkdir -p "$d/real"
            vcf_vs_bcftools "$(basename "$REAL_VCF") (real)" "$REAL_VCF" "$d/real"
        fi
        if [ -n "$VCF_SIMPLIFY" ]; then
            SV=$d/simplify-$VCFIN_SIMPLIFY_SITES.vcf
            head -n $((VCFIN_SIMPLIFY_SITES + $(grep -c '^#' <(head -n 200 "$VI")))) "$VI" >"$SV"
            : >"$d/simplify.log"; : >"$d/pe.log"
            for i in $(seq "$RUNS"); do
                rm -f "$d/simplify.txt" "$d/pe.txt"
                case_timed "VCF-Simplify #$i" "$d/simplify.log" -- /usr/bin/python3 "$VCF_SIMPLIFY" SimplifyVCF -toType haplotype \
                    -inVCF "$SV" -outFile "$d/simplify.txt" -PI CHROM -PG GT -GTbase GT:iupac || true
                case_timed "convert --format phase-extender #$i" "$d/pe.log" -- "${J[@]}" convert $ENGINE_OPTS "$SV" \
                    --format phase-extender -o "$d/pe.txt" --quiet || true
            done
            SW=$(median "$d/simplify.log" 1); PW=$(median "$d/pe.log" 1)
            CASE_ROWS+=("| VCF in: VCF-Simplify SimplifyVCF -toType haplotype, $VCFIN_SIMPLIFY_SITES x $VCFIN_SAMPLES | ${SW:-FAILED} | $(median "$d/simplify.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | hapmatrix convert --format phase-extender | ${PW:-FAILED} | $(median "$d/pe.log" 2 | awk '{if ($1 != "") printf "%.0f", $1 / 1024}') | $(ratio "$SW" "$PW") |")
        else
            say "case vcfin: VCF-Simplify not timed (set VCF_SIMPLIFY to its VcfSimplify.py)"
        fi
        [ "$KEEP_OUTPUT" = 1 ] || rm -f "$d"/*.tsv "$d"/*.txt
    fi
fi

# --- tables --------------------------------------------------------------------------------
if [ ${#ROWS[@]} -gt 0 ]; then
    echo "| sites | input bytes | command | runs | median wall s | median peak RSS MiB | sites/s | median CPU s (user+sys) |"
    echo "|---:|---:|---|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo
fi
if [ -n "$PEERS" ] && [ ${#RATIOS[@]} -gt 0 ]; then
    echo "Ratios of medians from this run (wall time unless said):"
    echo
    echo "| sites | convert / seed floor | convert / floor | DuckDB by hand / convert | export / floor | load / floor | convert / floor, CPU s |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${RATIOS[@]}"
    echo
fi
if [ ${#CASE_ROWS[@]} -gt 0 ]; then
    echo "| case | median wall s | peak RSS MiB | against | median wall s | peak RSS MiB | ratio |"
    echo "|---|---:|---:|---|---:|---:|---:|"
    printf '%s\n' "${CASE_ROWS[@]}"
    echo
fi
if [ ${#CHECKS[@]} -gt 0 ]; then printf '%s\n' "${CHECKS[@]}"; echo; fi
if [ ${#FAILURES[@]} -gt 0 ]; then printf '%s\n' "${FAILURES[@]}"; echo; fi
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg). Wall times are medians of whole processes"
echo "(JVM start included) with the input in the page cache; sites/s = sites / median wall."
