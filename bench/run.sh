#!/usr/bin/env bash
# Benchmark hapmatrix on generated seed-shaped matrices.
#
#   bench/run.sh [SIZES...]          (default: 1000000 4000000 16000000)
#
# Environment:
#   RUNS=3                     timed runs per command and size (medians are reported)
#   COMMANDS="convert load export"
#                              which commands to time. If export is wanted without load,
#                              convert runs as "convert --db DB" so that export has a database.
#   THREADS_CHECK=convert      once per size, compare --threads 1 vs --threads 2 output
#                              (cmp) using convert, or export (cheaper for huge sizes), or none
#   JAVA=java                  the java that runs the generator and target/hapmatrix
#   ENGINE_OPTS=               extra options for convert, load and export, e.g. "--memory-limit 8GB"
#   KEEP_DATA=1                set to 0 to delete each generated matrix after its size is done
#
# Matrices go to bench/data/ (reused if present), outputs and logs to bench/out/; both are
# git-ignored. Needs GNU time at /usr/bin/time (Debian/Ubuntu package "time").
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
JAVA=${JAVA:-java}
ENGINE_OPTS=${ENGINE_OPTS:-}
RUNS=${RUNS:-3}
COMMANDS=${COMMANDS:-convert load export}
THREADS_CHECK=${THREADS_CHECK:-convert}
KEEP_DATA=${KEEP_DATA:-1}
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(1000000 4000000 16000000); fi
DATA=$ROOT/bench/data
OUT=$ROOT/bench/out
JAR=$ROOT/target/hapmatrix.jar
LAUNCHER=$ROOT/target/hapmatrix
mkdir -p "$DATA" "$OUT"

say() { echo "$@" >&2; }
die() { echo "bench/run.sh: $*" >&2; exit 1; }
has() { case " $COMMANDS " in *" $1 "*) return 0;; *) return 1;; esac; }

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

# --- machine -------------------------------------------------------------------------------
echo "# hapmatrix benchmark"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "- command: \`RUNS=$RUNS COMMANDS=\"$COMMANDS\" THREADS_CHECK=$THREADS_CHECK${ENGINE_OPTS:+ ENGINE_OPTS=\"$ENGINE_OPTS\"} bench/run.sh ${SIZES[*]}\`"
echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "- nproc: $(nproc)"
echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "- CPU: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "- java: $("$JAVA" -version 2>&1 | tr '\n' ' ' | sed 's/  */ /g')"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- tool: target/hapmatrix ($(HAPMATRIX_JAVA=$JAVA "$LAUNCHER" --version 2>/dev/null | head -1))"
echo

# --- helpers -------------------------------------------------------------------------------
# timed LABEL LOG -- CMD...   runs CMD under /usr/bin/time -v; appends "wall_s rss_kib" to LOG
timed() {
    local label=$1 log=$2; shift 3
    local tv=$OUT/time.txt err=$OUT/stderr.txt
    if ! /usr/bin/time -v -o "$tv" "$@" 2>"$err"; then
        say "FAILED: $label: $*"
        cat "$err" >&2
        tail -n 30 "$tv" >&2 || true
        exit 1
    fi
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; wall = s }
        /Maximum resident set size/ { rss = $2 }
        /User time \(seconds\)/ { cpu += $2 }
        /System time \(seconds\)/ { cpu += $2 }
        END { printf "%.3f %d %.2f\n", wall, rss, cpu }' "$tv" >>"$log"
    say "  $label: $(tail -n 1 "$log" | awk '{printf "%.2f s wall, %.0f MiB, %.2f s cpu", $1, $2/1024, $3}')"
}

median() { # column 1 or 2 of a log -> median
    sort -g -k"$2","$2" "$1" | awk -v c="$2" '{v[NR] = $c} END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ROWS=()
CHECKS=()
row() { # size bytes label log
    local w r c
    w=$(median "$4" 1); r=$(median "$4" 2); c=$(median "$4" 3)
    ROWS+=("$(awk -v s="$1" -v b="$2" -v l="$3" -v w="$w" -v r="$r" -v c="$c" -v n="$(wc -l <"$4")" \
        'BEGIN { printf "| %s | %s | %s | %d | %.2f | %.0f | %.0f | %.2f |", s, b, l, n, w, r / 1024, (w > 0 ? s / w : 0), c }')")
}

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
    say "size $SIZE ($BYTES bytes), $RUNS run(s): $COMMANDS"

    if has convert; then
        : >"$D/convert.log"
        if has export && ! has load; then
            for i in $(seq "$RUNS"); do
                rm -f "$DB" "$DB.wal"
                timed "convert --db #$i" "$D/convert.log" -- "${J[@]}" convert $ENGINE_OPTS "$M" --header "$H" --db "$DB" -o "$D/convert.tsv" --quiet
            done
            row "$SIZE" "$BYTES" "convert --db" "$D/convert.log"
        else
            for i in $(seq "$RUNS"); do
                timed "convert #$i" "$D/convert.log" -- "${J[@]}" convert $ENGINE_OPTS "$M" --header "$H" -o "$D/convert.tsv" --quiet
            done
            row "$SIZE" "$BYTES" "convert" "$D/convert.log"
        fi
    fi
    if has load; then
        : >"$D/load.log"
        for i in $(seq "$RUNS"); do
            rm -f "$DB" "$DB.wal"
            timed "load #$i" "$D/load.log" -- "${J[@]}" load $ENGINE_OPTS "$M" --header "$H" --db "$DB" --quiet
        done
        row "$SIZE" "$BYTES" "load" "$D/load.log"
    fi
    if has export; then
        if [ ! -f "$DB" ]; then
            say "  (no database yet: loading once, untimed)"
            "${J[@]}" load $ENGINE_OPTS "$M" --header "$H" --db "$DB" --quiet
        fi
        : >"$D/export.log"
        for i in $(seq "$RUNS"); do
            timed "export #$i" "$D/export.log" -- "${J[@]}" export $ENGINE_OPTS --db "$DB" -o "$D/export.tsv" --quiet
        done
        row "$SIZE" "$BYTES" "export" "$D/export.log"
        if [ -f "$D/convert.tsv" ]; then
            cmp "$D/convert.tsv" "$D/export.tsv" || die "size $SIZE: convert and export outputs differ"
        fi
        say "  database: $(stat -c %s "$DB") bytes"
    fi
    for f in "$D/convert.tsv" "$D/export.tsv"; do
        if [ -f "$f" ]; then say "  output: $(stat -c %s "$f") bytes, $(($(wc -l <"$f") - 1)) sites written"; break; fi
    done

    case $THREADS_CHECK in
        convert)
            "${J[@]}" convert $ENGINE_OPTS "$M" --header "$H" -o "$D/t1.tsv" --threads 1 --quiet
            "${J[@]}" convert $ENGINE_OPTS "$M" --header "$H" -o "$D/t2.tsv" --threads 2 --quiet ;;
        export)
            [ -f "$DB" ] || "${J[@]}" load $ENGINE_OPTS "$M" --header "$H" --db "$DB" --quiet
            "${J[@]}" export $ENGINE_OPTS --db "$DB" -o "$D/t1.tsv" --threads 1 --quiet
            "${J[@]}" export $ENGINE_OPTS --db "$DB" -o "$D/t2.tsv" --threads 2 --quiet ;;
        none) ;;
        *) die "THREADS_CHECK must be convert, export or none" ;;
    esac
    if [ "$THREADS_CHECK" != none ]; then
        if cmp "$D/t1.tsv" "$D/t2.tsv"; then
            say "  --threads 1 vs --threads 2 ($THREADS_CHECK): identical"
            CHECKS+=("- $SIZE sites: \`$THREADS_CHECK --threads 1\` and \`--threads 2\` outputs identical (cmp)")
        else
            CHECKS+=("- $SIZE sites: \`$THREADS_CHECK --threads 1\` and \`--threads 2\` outputs **DIFFER**")
            say "  --threads 1 vs --threads 2: DIFFERENT"
        fi
        rm -f "$D/t1.tsv" "$D/t2.tsv"
    fi
    [ "$KEEP_DATA" = 1 ] || rm -f "$M"
done

# --- table ---------------------------------------------------------------------------------
echo "| sites | input bytes | command | runs | median wall s | median peak RSS MiB | sites/s | median CPU s (user+sys) |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
if [ ${#CHECKS[@]} -gt 0 ]; then echo; printf '%s\n' "${CHECKS[@]}"; fi
echo
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg). Wall times are medians of whole processes"
echo "(JVM start included) with the input in the page cache; sites/s = sites / median wall."
