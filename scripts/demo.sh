#!/usr/bin/env bash
# Installs what Slate needs, builds it, creates a demo database (once) and shows what a
# cashier would see of a customer's credit. The desktop app replaces this when it lands.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh slatectl
slatectl=build/app/slatectl/slatectl
export SLATE_DB=${SLATE_DB:-$PWD/demo.db}
[ -f "$SLATE_DB" ] || "$slatectl" demo
echo
"$slatectl" customer list
echo
"$slatectl" balance 1001
"$slatectl" history 1001
echo
echo "Try: SLATE_DB=$SLATE_DB $slatectl --help"
