#!/usr/bin/env bash
# leaflet.sh — the main job from a fresh clone: install what broadside needs, build it, and
# render the bundled leaflet (leaflet-a5 with the bundled statement) into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target broadside
build/broadside render leaflet-a5 "$@"
