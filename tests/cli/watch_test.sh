#!/usr/bin/env bash
# watch_test.sh — `render --watch` and `check --watch`: run again when the statement, the design
# or an image changes; keep the last good PDF when an edit breaks the design.
# Usage: watch_test.sh BROADSIDE REPO
set -uo pipefail
BIN=$(realpath "$1")
REPO=$(realpath "$2")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/broadside-watch.XXXXXX")
pid=
trap '[[ -n $pid ]] && kill $pid 2>/dev/null; rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
fail() { echo "FAIL: $*"; echo "--- stdout:"; cat out.txt; echo "--- stderr:"; cat err.txt; exit 1; }
# Waits for a condition, polling; the limit is only for a hung run, so it is generous (a loaded
# CI machine, a sanitizer build): WATCH_TEST_SECONDS, 90 by default.
until_ok() {
  local deadline=$((SECONDS + ${WATCH_TEST_SECONDS:-90}))
  while ((SECONDS < deadline)); do "$@" && return 0; sleep 0.1; done
  return 1
}
has_text() { pdftotext x.pdf - 2>/dev/null | tr '\n' ' ' | grep -qF "$1"; }
count() { grep -c "$1" "$2"; }
# Each run ends with "watching N files": the watcher waits when that is the last line. Edits made
# before are not lost (broadside runs again for an input newer than its run), but waiting keeps
# each step of the test about one edit.
idle() { tail -n 1 err.txt | grep -q "watching"; }

cp "$REPO/tests/cli/bad/image-resolution-low-warns-once/photo.png" photo.png
design() {
  cat >design.yaml.new <<YAML
name: tiny
page: {size: A6, bleed: 2mm, margins: 6mm}
styles:
  s: {font: [Inter], size: $1}
pages:
  - frames:
      - {text: "{headline}", style: s, area: {top: margin, left: margin, right: margin, height: 30mm}}
      - {image: photo.png, area: {bottom: margin, left: margin, width: 40mm, height: 30mm}}
YAML
  mv design.yaml.new design.yaml  # as editors save: a new file renamed over the old
}
statement() { printf -- '---\nlang: en\nheadline: %s\n---\nBody.\n' "$1" >statement.md; }
design 14pt
statement "First headline"

"$BIN" render design.yaml statement.md -o x.pdf --watch >out.txt 2>err.txt &
pid=$!
until_ok has_text "First headline" || fail "no first render"
until_ok grep -q "watching 3 files" err.txt || fail "does not say what it watches"

statement "Second headline"
until_ok has_text "Second headline" || fail "statement change not rendered"
until_ok idle || fail "no watch after the statement change"

# A broken design: an error, and the last good PDF stays.
printf 'name: tiny\npages: [\n' >design.yaml
until_ok grep -q "never closed" err.txt || fail "broken design not reported"
until_ok grep -q "the last good files are kept" err.txt || fail "does not say the files are kept"
has_text "Second headline" || fail "the last good PDF was not kept"

design 16pt
statement "Third headline"
until_ok has_text "Third headline" || fail "not rendered after the design was fixed"
# Both edits may be seen in one run or two: wait for the watcher, then count.
until_ok idle || fail "no watch after the design was fixed"

before=$(count '^wrote' out.txt)
cp photo.png photo.new && mv photo.new photo.png
until_ok grep -q "changed: $TMP/photo.png" err.txt || fail "image change not seen"
# A function, so that each try counts again (an argument would be counted once, at the call).
wrote_since() { test "$(count '^wrote' out.txt)" -gt "$1"; }
until_ok wrote_since "$before" || fail "image change not rendered"
kill $pid
wait $pid 2>/dev/null
pid=

# check --watch reports again on each change.
"$BIN" check design.yaml statement.md --watch >out.txt 2>err.txt &
pid=$!
until_ok grep -q ": ok" out.txt || fail "check did not run"
until_ok idle || fail "check does not say what it watches"
printf 'name: tiny\ncolour: x\npages: [{}]\n' >design.yaml
until_ok grep -q "unknown key 'colour'" err.txt || fail "check --watch did not run again"
echo "ok: watch"
