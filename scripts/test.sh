#!/usr/bin/env bash
# Installs what Slate needs, builds it with warnings as errors and runs every test with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
ctest --test-dir "${SLATE_BUILD_DIR:-build}" --output-on-failure -j2 --timeout 900
