#!/usr/bin/env bash
# Installs what Slate needs, builds the cashier app and starts it on a demo database (SQLite).
# On the first run the app creates demo.db with demo customers in every credit state, ~40
# products and the demo users below. Set SLATE_DB to use another database file.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh slate slatectl
export SLATE_DB=${SLATE_DB:-$PWD/demo.db}
if [ -f "$SLATE_DB" ] && [ -z "$(build/app/slatectl/slatectl user list 2>/dev/null)" ]; then
    echo "$SLATE_DB has no users (it predates the demo users); move it away to get a new demo database." >&2
    exit 1
fi
cat <<'TEXT'
Demo users (PINs for the demo only):
  anna   cashier        PIN 1234
  mona   manager        PIN 9876   (authorises overrides up to 2,000.00; opens the back office, F10)
  admin  administrator  PIN 2468
Try: scan 7038123401001 (milk), scan card 1004 (a customer near the account limit), F12 to pay.
Language: LANG=nb_NO.UTF-8 ./scripts/demo.sh, or run build/app/slate/slate --locale nb_NO
TEXT
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "No display here (DISPLAY is not set). To see the app anyway, this saves screenshots of it" >&2
    echo "running under Xvfb: tests/ui/screenshots.sh build screenshots" >&2
    exit 1
fi
exec build/app/slate/slate --db "$SLATE_DB"
