#!/usr/bin/env bash
# Starts the real `slate` app under Xvfb on a fresh demo database, works it from the keyboard as
# a cashier would (xdotool types, like a barcode scanner) and saves PNG screenshots of the login,
# the checkout with a customer attached, the payment dialog (with a refused tender), the receipt,
# the void of that sale (dialog and VOID receipt), a top-up over the cashier's bound (the
# confirmation with the manager's fields), a blocked customer's card and the back office. Prints
# the app's start-up timings and its memory use at the end.
#
# Usage: [SLATE_SCREEN=WxH] tests/ui/screenshots.sh [BUILD_DIR] [OUT_DIR] [LOCALE]
#        (defaults: 1366x768, build, screenshots, en_GB; e.g. LOCALE nb_NO for Norwegian)
#        for s in 1024x768 1366x768 1920x1080; do SLATE_SCREEN=$s tests/ui/screenshots.sh build shots-$s; done
# Needs: Xvfb (xvfb), xdotool, import (imagemagick) — scripts/install-deps.sh installs them.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
out=${2:-screenshots}
locale=${3:-en_GB}
slate=$build/app/slate/slate
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing; run scripts/install-deps.sh" >&2; exit 2; }
done
[ -x "$slate" ] || { echo "screenshots.sh: build $slate first (scripts/build.sh slate)" >&2; exit 2; }
mkdir -p "$out"
# Waits at most 20 s for each line the app prints.
script_name=screenshots.sh display_base=90 wait_steps=200 wait_step_seconds=0.1
. tests/ui/xvfb.sh
shot() {
    sleep 0.7 # let the window paint
    import -window root "$out/$1.png"
    echo "saved $out/$1.png"
}
scan() {
    xdotool type --delay 15 "$1"
    xdotool key Return
    sleep 0.2
}

"$slate" --db "$work/demo.db" --locale "$locale" --timings >"$work/slate.log" 2>&1 &
app=$!
wait_for "login screen shown"
shot 1-login

xdotool type --delay 60 1234 # anna, the demo cashier
xdotool key Return
wait_for "checkout window usable"
scan 7038123401001    # whole milk
scan 2*7038123401148  # two wholegrain bread
scan 7038123402541    # milk chocolate
scan 7038123403388    # USB-C cable
scan 1004             # Ingrid Larsen's customer card: an account near its limit
shot 2-checkout-customer

xdotool key F12
sleep 0.5
xdotool key F2        # the rest on account: more than is available
shot 3-payment-refused
xdotool key Escape
sleep 0.3
xdotool key ctrl+Delete
scan 7038123401001
scan 7038123403593    # sunscreen
scan 1001             # Ola Nordmann: store credit
xdotool key F12
sleep 0.5
xdotool type 60       # 60 from the wallet (the field starts at what the wallet covers) ...
xdotool key Tab Tab Tab
xdotool type 200      # ... and the rest in cash
shot 4-payment-credit-and-cash
xdotool key Return
shot 5-receipt
xdotool key Return
sleep 0.3

xdotool key F11       # void that sale: the manager's PIN and a reason
sleep 0.5
shot 7-void
xdotool type --delay 60 9876
xdotool key Tab
xdotool type "customer changed their mind"
xdotool key Return
sleep 0.5
shot 8-void-receipt
xdotool key Return
sleep 0.3

scan 1002             # a customer to top up
xdotool key F5
sleep 0.5
xdotool type 7500     # over the cashier's 5,000.00 per top-up
xdotool key Return
sleep 0.5
shot 9-topup-over-bound
xdotool key Escape
sleep 0.3
xdotool key shift+F2
sleep 0.2
scan 1006             # Sofie Berg: blocked
shot 10-blocked-customer
xdotool key shift+F2
sleep 0.2

xdotool key F10       # back office: the manager's PIN
sleep 0.5
xdotool type --delay 60 9876
xdotool key Return
sleep 1
shot 6-back-office

echo "--- slate's own timings ---"
cat "$work/slate.log"
echo "RSS of slate: $(awk '/VmRSS/ {print $2, $3}' "/proc/$app/status")"
