#!/usr/bin/env bash
# sanitize.sh — builds everything with clang, AddressSanitizer and UBSan (plus libFuzzer
# coverage, so the same build also runs tests/fuzz/run.sh) into build-asan, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang and its runtime libraries (ASan, UBSan, libFuzzer); no-op when present.
want=(clang libclang-rt-14-dev)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "sanitize: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# RelWithDebInfo: optimised enough that the suite runs in reasonable time under ASan, with
# line numbers in every report. BROADSIDE_FUZZ implies ASan + UBSan for every target; only the
# fuzz_* programs link libFuzzer's main.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DBROADSIDE_FUZZ=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
# Under ASan everything runs 2-3x slower: give each test twice the plain build's timeout.
ctest --test-dir build-asan -j"$(nproc)" --output-on-failure --timeout 600
