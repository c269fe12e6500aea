#!/usr/bin/env bash
# shellcheck disable=SC2154 # version, release_date, app_id, … are set by sourcing CMake's release.env
# Builds the Debian packages slate (the cashier app and slatectl) and slate-server (the server,
# its systemd service, user and configuration file) from the build in ./build (or
# $SLATE_BUILD_DIR), and leaves them in BUILD/packages/ with their debug symbols (-dbgsym).
# The packages hold the very binaries the tests ran on: debhelper (packaging/debian/) packages
# the build tree instead of compiling again. Needs debhelper (scripts/install-deps.sh).
# Usage: scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
build_dir=$(realpath -m "${SLATE_BUILD_DIR:-build}")

command -v dh >/dev/null || { echo "package.sh: debhelper is missing; run scripts/install-deps.sh" >&2; exit 2; }
# Builds what the packages install (a no-op when the tree is up to date).
SLATE_BUILD_DIR=$build_dir ./scripts/build.sh slate slatectl slate-server slate_man_pages

# version, release_date, cmake_source_dir and sanitize, as CMake wrote them.
# shellcheck source=/dev/null
. "$build_dir/packaging/release.env"
if [ "$(realpath "$cmake_source_dir")" != "$(realpath "$source_dir")" ]; then
    echo "package.sh: $build_dir was configured from $cmake_source_dir, not from $source_dir" >&2
    exit 2
fi
if [ "$sanitize" = ON ]; then
    echo "package.sh: $build_dir is a sanitizer build (SLATE_SANITIZE=ON); package a normal one" >&2
    exit 2
fi

# debhelper works in a folder with debian/ beside it; a copy keeps its by-products (debian/slate/,
# debian/files, …) out of the source tree. The changelog's one entry is this version.
staging=$build_dir/deb
rm -rf "$staging" "$build_dir/packages"
mkdir -p "$staging/slate-$version" "$build_dir/packages"
cp -r packaging/debian "$staging/slate-$version/debian"
cat > "$staging/slate-$version/debian/changelog" <<CHANGELOG
slate ($version) unstable; urgency=medium

  * Slate $version; what changed is in the project's git history.

 -- Slate developers <slate@example.org>  $(LC_ALL=C date -u -R -d "$release_date 12:00")
CHANGELOG

cd "$staging/slate-$version"
# -b: binary packages only; -uc -us: unsigned (a release signs them elsewhere).
SLATE_BUILD_DIR=$build_dir SLATE_SOURCE_DIR=$source_dir dpkg-buildpackage -b -uc -us --no-pre-clean \
    > "$staging/build.log" 2>&1 || { tail -n 60 "$staging/build.log" >&2; echo "package.sh: dpkg-buildpackage failed; the whole log: $staging/build.log" >&2; exit 1; }
mv "$staging"/*.deb "$build_dir/packages/"
ls -l "$build_dir/packages/"
