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
fail() { echo "FAIL: $*"; echo "--- stderr:"; cat err.txt; exit 1; }
# Waits up to 20 s for a command to succeed.
until_ok() { for _ in $(seq 200); do "$@" && return 0; sleep 0.1; done; return 1; }
has_text() { pdftotext x.pdf - 2>/dev/null | tr '\n' ' ' | grep -qF "$1"; }

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

# A broken design: an error, and the last good PDF stays.
printf 'name: tiny\npages: [\n' >design.yaml
until_ok grep -q "never closed" err.txt || fail "broken design not reported"
until_ok grep -q "the last good files are kept" err.txt || fail "does not say the files are kept"
has_text "Second headline" || fail "the last good PDF was not kept"

design 16pt
statement "Third headline"
until_ok has_text "Third headline" || fail "not rendered after the design was fixed"

before=$(grep -c '^wrote' out.txt)
cp photo.png photo.new && mv photo.new photo.png
until_ok grep -q "changed: $TMP/photo.png" err.txt || fail "image change not seen"
until_ok test "$(grep -c '^wrote' out.txt)" -gt "$before" || fail "image change not rendered"
kill $pid
wait $pid 2>/dev/null
pid=

# check --watch reports again on each change.
"$BIN" check design.yaml statement.md --watch >out.txt 2>err.txt &
pid=$!
until_ok grep -q ": ok" out.txt || fail "check did not run"
printf 'name: tiny\ncolour: x\npages: [{}]\n' >design.yaml
until_ok grep -q "unknown key 'colour'" err.txt || fail "check --watch did not run again"
echo "ok: watch"
