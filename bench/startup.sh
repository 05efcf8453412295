#!/usr/bin/env bash
# Start-up of hapmatrix against a Java hello world (issue 22 point 3), side by side: each round
# runs every command once, in turn, so a busy machine slows them alike; medians over the rounds.
#
#   bench/startup.sh [ROUNDS]          (default 11)
#
# Environment:
#   LAUNCHERS="target/hapmatrix"   the launchers to time (e.g. add an unpacked tarball's bin/hapmatrix)
#   JAVA=java                      the java of the hello world (javac compiles it into bench/out/)
# Commands: hello world (java -cp bench/out/hello Hello), then per launcher --version, --help and
# the golden convert (testdata/golden, -q, to a new file in bench/out/). Prints a table of medians
# (wall s, user+sys s) and the ratios to the hello world. Needs GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-11}
launchers=${LAUNCHERS:-target/hapmatrix}
java=${JAVA:-java}
out=bench/out/startup
mkdir -p "$out/hello"
javac -d "$out/hello" bench/Hello.java

declare -a names commands
names+=("java hello world"); commands+=("$java -cp $out/hello Hello")
for launcher in $launchers; do
    names+=("$launcher --version"); commands+=("$launcher --version")
    names+=("$launcher --help"); commands+=("$launcher --help")
    names+=("$launcher convert golden"); commands+=("$launcher convert testdata/golden/small_matrix.txt --header testdata/golden/small_header.txt -q -o $out/golden.txt")
done

for ((round = 0; round < rounds; round++)); do
    for i in "${!commands[@]}"; do
        rm -f "$out/golden.txt"
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e %U %S" -o "$out/time.$i.$round" ${commands[$i]} >/dev/null 2>"$out/stderr" \
            || { echo "FAILED: ${commands[$i]}: $(tail -3 "$out/stderr")" >&2; exit 1; }
    done
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
hello_wall=$(cat "$out"/time.0.* | awk '{ print $1 }' | median)
hello_cpu=$(cat "$out"/time.0.* | awk '{ print $2 + $3 }' | median)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), $rounds rounds"
printf '| %s | %s | %s | %s | %s |\n' command "median wall s" "median CPU s" "wall / hello" "CPU / hello"
printf '| --- | ---: | ---: | ---: | ---: |\n'
for i in "${!commands[@]}"; do
    wall=$(cat "$out"/time."$i".* | awk '{ print $1 }' | median)
    cpu=$(cat "$out"/time."$i".* | awk '{ print $2 + $3 }' | median)
    printf '| %s | %.2f | %.2f | %.2f | %.2f |\n' "${names[$i]}" "$wall" "$cpu" \
        "$(echo "$wall / $hello_wall" | bc -l)" "$(echo "$cpu / $hello_cpu" | bc -l)"
done
