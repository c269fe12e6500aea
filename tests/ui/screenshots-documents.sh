#!/usr/bin/env bash
# Starts the real `slate` app under Xvfb on a demo database with the shop's details set, opens the
# back office and saves PNG screenshots of the Invoices tab (a customer's invoices with the
# "Save invoice PDF…" and "Statement PDF…" buttons) and of the store settings with the shop's
# details; the invoice PDF it writes with slatectl is drawn as a PNG too (pdftoppm).
#
# Usage: [SLATE_SCREEN=WxH] tests/ui/screenshots-documents.sh [BUILD_DIR] [OUT_DIR]
#        for s in 1024x768 1366x768 1920x1080; do SLATE_SCREEN=$s tests/ui/screenshots-documents.sh build shots-$s; done
# Needs: Xvfb, xdotool, import (imagemagick), pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
out=${2:-screenshots}
slate=$build/app/slate/slate
slatectl=$build/app/slatectl/slatectl
for tool in Xvfb xdotool import pdftoppm; do
    command -v "$tool" >/dev/null || { echo "screenshots-documents.sh: $tool is missing; run scripts/install-deps.sh" >&2; exit 2; }
done
[ -x "$slate" ] && [ -x "$slatectl" ] || { echo "screenshots-documents.sh: build slate and slatectl first" >&2; exit 2; }
mkdir -p "$out"
script_name=screenshots-documents.sh display_base=80 wait_steps=200 wait_step_seconds=0.1
. tests/ui/xvfb.sh
shot() {
    sleep 0.7
    import -window root "$out/$1.png"
    echo "saved $out/$1.png"
}

db=$work/demo.db
"$slatectl" --db "$db" demo >/dev/null
"$slatectl" --db "$db" shop set --name "Fjordbutikken AS" --address 'Strandkaien 4\n5013 Bergen' \
    --org-number "923 609 016" --vat-number "NO 923 609 016 MVA" --bank-account "1503.12.34567" >/dev/null
"$slatectl" --db "$db" sale --cashier anna --customer 1013 --line BATT-AA4:3 --line APPLE-KG:2 --pay account=276.80 >/dev/null
number=$("$slatectl" --db "$db" --json invoice 1013 | sed -n 's/.*"number": "\([^"]*\)".*/\1/p')
"$slatectl" --db "$db" invoice-pdf "$number" --out "$work/invoice.pdf" >/dev/null
pdftoppm -r 80 -png -singlefile "$work/invoice.pdf" "$out/d3-invoice-pdf"
echo "saved $out/d3-invoice-pdf.png"

"$slate" --db "$db" --locale en_GB --timings >"$work/slate.log" 2>&1 &
app=$!
wait_for "login screen shown"
xdotool type --delay 60 1234
xdotool key Return
wait_for "checkout window usable"
xdotool key F10
sleep 0.5
xdotool type --delay 60 9876
xdotool key Return
sleep 1
# No window manager under Xvfb: give the back office the keyboard by hand.
xdotool search --sync --onlyvisible --name "Slate back office" windowfocus --sync
xdotool key ctrl+Tab  # the Invoices tab, with the card field focused
sleep 0.3
xdotool type --delay 15 1013
xdotool key Return
sleep 0.3
shot d1-back-office-invoices
for _ in 1 2 3; do xdotool key ctrl+shift+Tab; sleep 0.2; done  # back round to the Store settings tab
sleep 0.3
shot d2-back-office-settings
