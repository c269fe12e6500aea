#!/usr/bin/env bash
# shellcheck disable=SC2154 # version, release_date, app_id, … are set by sourcing CMake's release.env
# The Debian packages end to end, on this machine: builds slate and slate-server
# (scripts/package.sh), runs lintian on them, installs them with apt-get, validates the installed
# desktop entry, AppStream metainfo and systemd unit, checks every --version, starts the installed
# server with the installed /etc/slate/server.conf as its own user, enrols an installed slatectl
# till with it and syncs one sale; then purges both packages and checks that of every file they
# installed only the data directory /var/lib/slate is left.
#
# Usage: tests/packaging/install_test.sh   (as root, on a machine without Slate installed;
#        scripts/test.sh runs it after the test suite). Skips, saying why, when not root.
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=$(realpath -m "${SLATE_BUILD_DIR:-build}")
name=install_test.sh
started=$SECONDS

if [ "$(id -u)" -ne 0 ]; then
    echo "$name: SKIPPED: installing and purging packages needs root (CI runs as root)"
    exit 0
fi
step() { echo "== $name: $* ($((SECONDS - started)) s)"; }
fail() { echo "$name: FAILED: $*" >&2; exit 1; }

# A machine where Slate is installed, or has left data, is somebody's: this test purges what it installs.
for package in slate slate-server; do
    if dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null | grep -qv '^not-installed$'; then
        fail "$package is installed here; this test installs and purges it (apt-get purge $package first)"
    fi
done
[ ! -e /var/lib/slate ] || fail "/var/lib/slate exists (a server's data?); move it away to run this test"
getent passwd slate >/dev/null && user_existed=yes || user_existed=no

work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    if dpkg-query -W -f='${db:Status-Status}' slate-server 2>/dev/null | grep -qv '^not-installed$' \
        || dpkg-query -W -f='${db:Status-Status}' slate 2>/dev/null | grep -qv '^not-installed$'; then
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq slate slate-server >/dev/null 2>&1 || true
    fi
    # Leave the machine as it was found: the data directory and the user are the test's own.
    rm -rf /var/lib/slate
    if [ "$user_existed" = no ] && getent passwd slate >/dev/null; then userdel slate 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

step "building the packages"
./scripts/package.sh >"$work/package.log" 2>&1 || { cat "$work/package.log" >&2; fail "scripts/package.sh"; }
# shellcheck source=/dev/null
. "$build_dir/packaging/release.env"
slate_deb=$(ls "$build_dir"/packages/slate_"$version"_*.deb)
server_deb=$(ls "$build_dir"/packages/slate-server_"$version"_*.deb)
for deb in "$slate_deb" "$server_deb"; do
    [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "$deb is not version $version"
done
dpkg-deb -f "$slate_deb" Depends | grep -q 'libqt6sql6-sqlite' || fail "slate does not depend on the SQLite driver"
dpkg-deb -f "$server_deb" Depends | grep -q 'libqt6sql6-psql' || fail "slate-server does not depend on the PostgreSQL driver"
dpkg-deb -f "$server_deb" Depends | grep -q 'libqt6sql6-sqlite' || fail "slate-server does not depend on the SQLite driver"

step "lintian (no errors; warnings are explained in packaging/NOTES.md)"
lintian --fail-on error --info --display-level '>=warning' "$slate_deb" "$server_deb" | tee "$work/lintian.log" \
    || fail "lintian reported errors"

step "installing with apt-get"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$slate_deb" "$server_deb" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; fail "apt-get install"; }
dpkg-query -L slate slate-server | sort -u >"$work/installed.txt"

step "validating the desktop entry, the AppStream metainfo and the systemd unit"
desktop-file-validate "/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --explain "/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
# verify also opens the unit's Documentation= page, unless the image leaves manual pages out.
man_check=yes
[ -f /usr/share/man/man8/slate-server.8.gz ] || { man_check=no; echo "no manual pages installed here: verify --man=no"; }
systemd-analyze verify --man="$man_check" /lib/systemd/system/slate-server.service || fail "systemd-analyze verify"
# Icons and manual pages from the packages themselves (a minimal image may exclude /usr/share/man).
dpkg-deb -x "$slate_deb" "$work/contents"
dpkg-deb -x "$server_deb" "$work/contents"
for size in 16x16 22x22 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
    file "$work/contents/usr/share/icons/hicolor/$size/apps/$app_id.png" | grep -q "${size/x/ x }," || fail "the $size icon is not $size"
done
[ -f "$work/contents/usr/share/icons/hicolor/scalable/apps/$app_id.svg" ] || fail "no scalable icon"
for page in man1/slate.1.gz man1/slatectl.1.gz man8/slate-server.8.gz; do
    [ -f "$work/contents/usr/share/man/$page" ] || fail "no manual page $page"
    warnings=$(MANWIDTH=80 man --warnings -l "$work/contents/usr/share/man/$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "$page: $warnings"
done
dpkg-query -W -f='${Conffiles}\n' slate-server | grep -q '^ /etc/slate/server.conf ' || fail "/etc/slate/server.conf is not a conffile"

step "every program prints the project's version $version"
[ "$(slatectl --version)" = "slatectl $version" ] || fail "slatectl --version: $(slatectl --version)"
[ "$(slate-server --version)" = "slate-server $version" ] || fail "slate-server --version: $(slate-server --version)"
[ "$(QT_QPA_PLATFORM=offscreen slate --version)" = "slate $version" ] || fail "slate --version: $(QT_QPA_PLATFORM=offscreen slate --version)"

step "the service's user and state directory"
getent passwd slate >/dev/null || fail "no system user slate"
[ "$(stat -c '%U:%G %a' /var/lib/slate)" = "slate:slate 750" ] || fail "/var/lib/slate is $(stat -c '%U:%G %a' /var/lib/slate)"

step "starting the installed server with /etc/slate/server.conf"
listen=$(sed -n 's/^listen *= *//p' /etc/slate/server.conf)
port=${listen##*:}
if [ -d /run/systemd/system ]; then
    # systemd runs this machine: the service itself, as the package enabled and started it.
    systemctl restart slate-server
    server_log() { journalctl -u slate-server --no-pager -o cat; }
else
    # No systemd here (a container): the unit's command as its user, without privileges or
    # capabilities, in its working directory.
    (cd /var/lib/slate && exec setpriv --reuid=slate --regid=slate --init-groups --no-new-privs --bounding-set=-all \
        /usr/bin/slate-server serve --config /etc/slate/server.conf) >"$work/server.out" 2>"$work/server.err" &
    server_pid=$!
    server_log() { cat "$work/server.out" "$work/server.err" 2>/dev/null; }
fi
for _ in $(seq 100); do
    server_log | grep -q "slate-server listening on $listen (sqlite /var/lib/slate/server.db" && break
    sleep 0.1
done
server_log | grep -q "slate-server listening on $listen" || { server_log >&2; fail "the server did not start on $listen"; }

step "enrolling an installed slatectl till and syncing one sale"
code=$(runuser -u slate -- slate-server enroll --config /etc/slate/server.conf --store S1 --terminal T1)
till="$work/till.db"
slatectl --db "$till" init --store S1 --currency NOK --terminal T1 >/dev/null
slatectl --db "$till" tax set STD --rate 25 >/dev/null
slatectl --db "$till" product add --sku MILK --name "Whole milk" --price 24.90 --tax STD >/dev/null
echo 1234 | slatectl --db "$till" user add --name anna --role cashier --pin - >/dev/null
slatectl --db "$till" sale --cashier anna --line MILK:2 --pay cash=100.00 >/dev/null
synced=$(slatectl --db "$till" --json sync --server "http://127.0.0.1:$port" --enroll "$code") || fail "slatectl sync: $synced"
echo "$synced"
echo "$synced" | grep -Eq '"enrolled": *true' || fail "the till did not enrol"
echo "$synced" | grep -Eq '"pushed": *1([,}]|$)' || fail "the till did not push its one sale"
verified=$(runuser -u slate -- slate-server verify --config /etc/slate/server.conf --json)
echo "$verified"
echo "$verified" | grep -Eq '"entries": *1([,}]|$)' || fail "the server does not hold the sale"
server_log | grep -q 'slate.server: POST /v1/push T1 -> 200' || { server_log >&2; fail "no request line for the push in the server's log"; }
if [ -n "$server_pid" ]; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=
fi

step "purging both packages"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq slate slate-server >"$work/purge.log" 2>&1 \
    || { cat "$work/purge.log" >&2; fail "apt-get purge"; }
left=0
while IFS= read -r path; do
    [ -e "$path" ] || [ -L "$path" ] || continue
    [ "$path" != /. ] || continue
    # Directories such as /usr/bin (or /lib, a link to usr/lib) stay: other packages own them too.
    if [ -d "$path" ] && dpkg-query -S "$path" >/dev/null 2>&1; then continue; fi
    case "$path" in /var/lib/slate | /var/lib/slate/*) continue ;; esac
    echo "left after purge: $path" >&2
    left=$((left + 1))
done <"$work/installed.txt"
[ "$left" -eq 0 ] || fail "$left installed path(s) left after purge"
for path in /etc/slate /etc/systemd/system/multi-user.target.wants/slate-server.service; do
    if [ -e "$path" ] || [ -L "$path" ]; then fail "$path is left after purge"; fi
done
[ -f /var/lib/slate/server.db ] || fail "purge removed the data directory /var/lib/slate; it must stay"

step "passed"
