#!/usr/bin/env bash
# Measures the cashier app's start-up on a given database, under Xvfb: time to the login screen,
# time to a usable checkout window (the PIN is typed by xdotool as soon as the login screen is
# up, so this includes about 0.1 s of typing and the PIN check's PBKDF2), and the resident memory
# after logging in and after attaching a customer. For the figures on 100k customers / 1M entries,
# use the benchmark store (tests/bench/README.md) with a cashier added:
#   cp /tmp/slate-bench-100k-1m.db /tmp/ui-bench.db
#   printf '1234\n' | build/app/slatectl/slatectl --db /tmp/ui-bench.db user add --name anna --role cashier --pin -
#   tests/ui/startup.sh build /tmp/ui-bench.db 1234 CARD
# Usage: tests/ui/startup.sh BUILD_DIR DATABASE PIN [CUSTOMER_CARD]
#        (logs in as the first user of the login list: cashiers come first)
set -euo pipefail
build=$1 db=$2 pin=$3 card=${4:-}
slate=$build/app/slate/slate
[ -f "$db" ] || { echo "startup.sh: $db does not exist" >&2; exit 2; }
# Waits at most 30 s for each line the app prints.
script_name=startup.sh display_base=80 wait_steps=600 wait_step_seconds=0.05
. "$(dirname "$0")/xvfb.sh"
rss() { awk '/VmRSS/ {print $2, $3}' "/proc/$app/status"; }

"$slate" --db "$db" --locale en_GB --timings >"$work/slate.log" 2>&1 &
app=$!
wait_for "login screen shown"
xdotool type --delay 10 "$pin"
xdotool key Return
wait_for "checkout window usable"
sleep 0.5
echo "RSS after login: $(rss)"
if [ -n "$card" ]; then
    xdotool type --delay 5 "$card"
    xdotool key Return
    sleep 0.5
    echo "RSS with customer $card attached: $(rss)"
fi
grep '^slate:' "$work/slate.log"
