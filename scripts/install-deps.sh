#!/usr/bin/env bash
# Installs the Debian 12 packages Slate needs to build, run and test. Safe to run repeatedly.
set -euo pipefail
packages=(
    cmake g++ make pkg-config
    qt6-base-dev libqt6sql6-sqlite libgl-dev   # Qt Core, Sql (SQLite driver), Test
    libbenchmark-dev                           # tests/bench
    libssl-dev                                 # libcrypto: PBKDF2 for PIN hashes
    libsqlite3-dev libpq-dev                   # SQLite's and libpq's API on the connection Qt's driver opens (core/storage)
    libsimdjson-dev                            # sync: push bodies and pull pages read in one validating pass
    hledger                                    # the export test checks the journal with hledger
    sqlite3                                    # for people inspecting a database by hand
    qt6-httpserver-dev                         # slate_sync: slate-server's HTTP/1.1 endpoint
    qt6-websockets-dev                         # Qt6HttpServer's CMake config needs it (not a package dependency)
    libqt6sql6-psql                            # slate-server's PostgreSQL storage (QPSQL)
    postgresql-15                              # tests/sync start a throwaway PostgreSQL cluster
    qt6-tools-dev qt6-l10n-tools               # slate_ui: Qt6LinguistTools (lupdate/lrelease) for the translations
    qt6-translations-l10n fonts-dejavu-core    # slate: Qt's own texts translated; a font with the ✓ ⚠ ✖ symbols
    xvfb xdotool imagemagick                   # tests/ui/screenshots.sh: the app under Xvfb, typed at, captured
    poppler-utils                              # tests/documents: pdftotext reads the invoice and statement PDFs back
    debhelper lintian                          # scripts/package.sh builds the .debs; tests/packaging checks them
    desktop-file-utils appstream systemd       # tests/packaging: desktop-file-validate, appstreamcli, systemd-analyze
    file man-db                                # tests/packaging: icon sizes, manual pages without roff warnings
)
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
