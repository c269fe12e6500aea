#!/usr/bin/env bash
# Screenshots of the day end at the till (Shift+F10): the real `slate` app under Xvfb on a demo
# database that lets cashiers run the day end (slatectl settings set --day-end-cashier yes), so
# that the demo cashier anna can: the dialog after the float and a cash out, the X report and the
# Z report with its count. The keys are the English buttons' (Alt+F, Alt+E, Alt+O, Alt+X, Alt+Z):
# run it with LOCALE en_GB.
#
# Usage: [SLATE_SCREEN=WxH] tests/ui/screenshots-dayend.sh [BUILD_DIR] [OUT_DIR] [LOCALE]
#        for s in 1024x768 1366x768 1920x1080; do SLATE_SCREEN=$s tests/ui/screenshots-dayend.sh build shots-$s; done
# Needs what screenshots.sh needs (Xvfb, xdotool, import).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
out=${2:-screenshots}
locale=${3:-en_GB}
slate=$build/app/slate/slate
slatectl=$build/app/slatectl/slatectl
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "screenshots-dayend.sh: $tool is missing; run scripts/install-deps.sh" >&2; exit 2; }
done
[ -x "$slate" ] && [ -x "$slatectl" ] || { echo "screenshots-dayend.sh: build slate and slatectl first" >&2; exit 2; }
mkdir -p "$out"
script_name=screenshots-dayend.sh display_base=80 wait_steps=200 wait_step_seconds=0.1
. tests/ui/xvfb.sh
shot() {
    sleep 0.7 # let the window paint
    import -window root "$out/$1.png"
    echo "saved $out/$1.png"
}

"$slatectl" --db "$work/demo.db" demo >/dev/null
"$slatectl" --db "$work/demo.db" settings set --day-end-cashier yes >/dev/null
"$slate" --db "$work/demo.db" --locale "$locale" --timings >"$work/slate.log" 2>&1 &
app=$!
wait_for "login screen shown"
xdotool type --delay 60 1234 # anna, the demo cashier
xdotool key Return
wait_for "checkout window usable"

xdotool key shift+F10
sleep 0.5
xdotool type 1000
xdotool key alt+f        # open with a float of 1,000.00
sleep 0.3
xdotool type 250
xdotool key alt+e
xdotool type "takings to the bank"
xdotool key alt+o        # cash out 250.00
shot 11-day-end
xdotool key alt+x        # X report
shot 12-x-report
xdotool key Return       # back in the day end, the amount field has the focus
sleep 0.5
xdotool type 1940
sleep 0.3
xdotool key alt+z        # Z report against 1,940.00 counted
shot 13-z-report
