#!/usr/bin/env bash
# Profiles one bench_sync row: the slate-server process that serves it, or the bench process
# itself (whose tills pull and apply in convergence). Nothing in the product is instrumented.
#
# Usage: tests/bench/profile_sync.sh TOOL TARGET ROW [BUILD_DIR]
#   TOOL    perf   perf record, software clock (cpu-clock), DWARF call graphs; reports by self
#                  and by children
#           strace strace -c -f: system calls by count and time
#   TARGET  server the row's last slate-server process (started by the bench; the measured one)
#           bench  the bench_sync process (tills: sales, push, pull and apply)
#   ROW     a bench_sync row, e.g. ingest:sqlite, 'convergence:postgres'
# Sizes come from the environment as for bench_sync (one run: SLATE_BENCH_RUNS=1 is set here).
# Output: $SLATE_PROFILE_OUT (default /tmp/slate-profile) holds bench.txt and the reports.
set -euo pipefail
cd "$(dirname "$0")/../.."
tool=$1 target=$2 row=$3 build=${4:-build-release}
out=${SLATE_PROFILE_OUT:-/tmp/slate-profile}
mkdir -p "$out"
export SLATE_BENCH_RUNS=1

SLATE_BENCH_RUNS=1 "$build/tests/bench/bench_sync" "$row" > "$out/bench.txt" 2>&1 &
bench=$!

attach() {
    local pid=$1
    case $tool in
        perf) perf record -e cpu-clock -F 999 --call-graph dwarf,16384 -p "$pid" -o "$out/perf-$pid.data" > "$out/perf-$pid.log" 2>&1 ;;
        strace) strace -c -f -p "$pid" -o "$out/strace-$pid.txt" > /dev/null 2>&1 ;;
        *) echo "unknown tool $tool" >&2; exit 2 ;;
    esac
}

profiled=()
if [[ $target == bench ]]; then
    attach "$bench" &
    profiled+=("$bench")
else
    # Attach to every server the bench starts (one per figure run); the admin commands
    # (slate-server enroll, balances) are short-lived and are not "serve".
    seen=" "
    while kill -0 "$bench" 2> /dev/null; do
        for pid in $(pgrep -P "$bench" -f 'slate-server serve' || true); do
            if [[ $seen != *" $pid "* ]]; then
                seen+="$pid "
                attach "$pid" &
                profiled+=("$pid")
            fi
        done
        sleep 0.05
    done
fi
wait "$bench" || true
sleep 1
wait || true

for pid in "${profiled[@]}"; do
    if [[ $tool == perf && -s $out/perf-$pid.data ]]; then
        perf report -i "$out/perf-$pid.data" --no-children --sort symbol --stdio --percent-limit 1 -g none \
            > "$out/perf-$pid.self.txt" 2> /dev/null || true
        perf report -i "$out/perf-$pid.data" --children --sort symbol --stdio --percent-limit 3 -g none \
            > "$out/perf-$pid.children.txt" 2> /dev/null || true
        echo "== $pid: $out/perf-$pid.self.txt, $out/perf-$pid.children.txt"
    elif [[ $tool == strace ]]; then
        echo "== $pid: $out/strace-$pid.txt"
    fi
done
grep -E '^\s+(ingest|concurrent|convergence).* run 1:|PASS|FAIL' "$out/bench.txt" || true
