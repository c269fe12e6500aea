# Sourced by screenshots.sh and startup.sh: a private Xvfb display for the app, cleanup of the
# display, the app and the scratch folder on exit, and wait_for TEXT, which waits until the app
# has printed a line containing TEXT to $work/slate.log (the caller starts the app and sets $app).
# The caller sets: script_name, display_base, wait_steps, wait_step_seconds. The screen is
# $SLATE_SCREEN (default 1366x768), e.g. SLATE_SCREEN=1024x768.
work=$(mktemp -d)
display=":$(( display_base + $$ % 9 ))"
Xvfb "$display" -screen 0 "${SLATE_SCREEN:-1366x768}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
app=
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

wait_for() {
    for _ in $(seq "$wait_steps"); do
        grep -q "$1" "$work/slate.log" 2>/dev/null && return 0
        kill -0 "$app" 2>/dev/null || { cat "$work/slate.log" >&2; exit 1; }
        sleep "$wait_step_seconds"
    done
    echo "$script_name: timed out waiting for '$1'" >&2
    cat "$work/slate.log" >&2
    exit 1
}
