#!/usr/bin/env bash
# run.sh — a short fuzzing run of every libFuzzer target of a -DBROADSIDE_FUZZ=ON build:
#   tests/fuzz/run.sh [BUILD_DIR]   (default build-asan, as scripts/sanitize.sh makes it)
# Each target starts from its corpus (tests/fuzz/corpus/<target>/, left untouched) and runs for
# FUZZ_SECONDS (default 60). Any crash, sanitizer report, leak, timeout or out-of-memory fails
# the run; the input that caused it is kept in BUILD_DIR/fuzz-artifacts/ and printed, so it can
# be added to the corpus once fixed.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build-asan}
SECONDS_EACH=${FUZZ_SECONDS:-60}
# A slow input is a bug too: a job on a fuzzed design must finish in seconds even under ASan.
TIMEOUT=${FUZZ_TIMEOUT:-30}
RSS_MB=${FUZZ_RSS_MB:-2048}

ARTIFACTS=$BUILD/fuzz-artifacts
mkdir -p "$ARTIFACTS"
status=0
for target in design statement data render hyphen request; do
  bin=$BUILD/tests/fuzz/fuzz_$target
  [[ -x "$bin" ]] || { echo "fuzz: $bin missing (build with -DBROADSIDE_FUZZ=ON)" >&2; exit 2; }
  # New inputs go to a scratch folder; the seed corpus is read only.
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/broadside-fuzz-$target.XXXXXX")
  log=$ARTIFACTS/$target.log
  start=$(date +%s)
  if "$bin" -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" \
    -print_final_stats=1 -artifact_prefix="$ARTIFACTS/$target-" \
    "$scratch" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    echo "fuzz $target: ok in $(($(date +%s) - start))s ($(grep -m1 -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$') runs)"
  else
    status=1
    echo "fuzz $target: FAILED after $(($(date +%s) - start))s; the end of $log:"
    tail -60 "$log"
    ls -l "$ARTIFACTS/$target-"* 2>/dev/null || true
  fi
  rm -rf "$scratch"
done
exit $status
