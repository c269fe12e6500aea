#!/usr/bin/env bash
# Installs what Slate needs, builds it with warnings as errors and runs every test with CTest,
# packages that build as .debs and tests them installed (tests/packaging/install_test.sh, as
# root), then builds again with AddressSanitizer and UndefinedBehaviorSanitizer and runs the
# tests again.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
ctest --test-dir "${SLATE_BUILD_DIR:-build}" --output-on-failure -j2 --timeout 900

echo "== the Debian packages of this build, installed, used and purged =="
tests/packaging/install_test.sh

echo "== the same tests under ASan/UBSan =="
asan_dir=${SLATE_ASAN_BUILD_DIR:-build-asan}
cmake -S . -B "$asan_dir" -DCMAKE_BUILD_TYPE=Debug -DSLATE_WERROR=ON -DSLATE_SANITIZE=ON -DSLATE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$asan_dir" -j"$(nproc)" > "$asan_dir/build.log" 2>&1 || { tail -n 80 "$asan_dir/build.log"; exit 1; }
# A 16 MiB quarantine (default 256) still catches a use of freshly freed memory, but keeps
# PBKDF2's 600,000 HMAC rounds per PIN (an allocation each in libcrypto) from spending most of the
# run recycling freed blocks: the slatectl suite takes half the time.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=16 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$asan_dir" --output-on-failure -j2 --timeout 900
