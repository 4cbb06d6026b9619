#!/usr/bin/env bash
# test.sh — from a fresh clone: install what broadside and its tests need, build, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-tests
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build -j"$(nproc)" --output-on-failure --timeout 300
