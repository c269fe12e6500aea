#!/usr/bin/env bash
# Configures and builds Slate into ./build (or $SLATE_BUILD_DIR) with warnings as errors.
# Usage: scripts/build.sh [TARGET ...]   (default: everything)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${SLATE_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${SLATE_BUILD_TYPE:-RelWithDebInfo}" -DSLATE_WERROR=ON >/dev/null
targets=()
for target in "$@"; do targets+=(--target "$target"); done
cmake --build "$build_dir" -j"$(nproc)" "${targets[@]}"
