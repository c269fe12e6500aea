#!/usr/bin/env bash
# Renders the PNG sizes of the hicolor theme from slate.svg (rsvg-convert, package librsvg2-bin).
# The PNGs are committed, so building and packaging need no SVG renderer; run this after
# changing slate.svg.
set -euo pipefail
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || { echo "render.sh: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 2; }
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "hicolor/${size}x${size}"
    rsvg-convert --width "$size" --height "$size" slate.svg --output "hicolor/${size}x${size}/slate.png"
done
