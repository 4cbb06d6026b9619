#!/usr/bin/env bash
# run.sh — runs one case of the bad-input catalogue: tests/cli/bad/run.sh CASE_DIR BROADSIDE.
#
# A case folder holds:
#   cmd           broadside's arguments, one per line
#   expected.txt  what must happen: `exit: N`, then any of
#                   stderr: TEXT            stderr contains TEXT
#                   stdout: TEXT            stdout contains TEXT
#                   no-line: TEXT           no line of stderr starts with TEXT
#                   stderr-lines: N TEXT    exactly N lines of stderr contain TEXT
#                   file: PATH              PATH (relative to the scratch folder) exists after
#                   unchanged: PATH         PATH has the same bytes after the run as before
#                   pdf-text: PATH TEXT     pdftotext of PATH contains TEXT
#                 Unless `file:` lines name them (or setup.sh made them), the scratch folder's
#                 out/ must hold nothing after the run; no temporary (".name.XXXXXX") may be
#                 left anywhere in it.
#   setup.sh      optional; run first, in the scratch folder (env CASE, TMP, REPO)
#   env           optional; KEY=VALUE lines for broadside's environment
#   as-nobody     optional; when run as root, broadside runs as user nobody (root can read and
#                 write anything, so permission cases need another user)
#   ulimit-f      optional; a file size limit in 1024-byte blocks (a "full disk" without root)
# In cmd, env and expected.txt, {case} is the case folder, {tmp} the scratch folder and {repo}
# the repository.
set -uo pipefail

CASE=$(cd "$1" && pwd)
BIN=$(realpath "$2")
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
NAME=$(basename "$CASE")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/broadside-bad-$NAME.XXXXXX")
chmod 755 "$TMP"
mkdir -p "$TMP/out"
trap 'chmod -R u+rwX "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
export CASE TMP REPO

fail() {
  echo "FAIL [$NAME]: $*"
  echo "--- command: ${args[*]}"
  echo "--- stdout:"; cat "$TMP.stdout"
  echo "--- stderr:"; cat "$TMP.stderr"
  rm -f "$TMP.stdout" "$TMP.stderr"
  exit 1
}

subst() {
  local s=$1
  s=${s//\{case\}/$CASE}
  s=${s//\{tmp\}/$TMP}
  s=${s//\{repo\}/$REPO}
  printf '%s' "$s"
}

if [[ -f "$CASE/setup.sh" ]]; then
  (cd "$TMP" && bash "$CASE/setup.sh") || { echo "FAIL [$NAME]: setup.sh failed"; exit 1; }
fi

# What setup made may stay; anything else in out/ is left behind by broadside.
declare -A existed
while IFS= read -r f; do existed[$f]=1; done < <(find "$TMP" \( -type f -o -type l \) 2>/dev/null)

args=()
while IFS= read -r line || [[ -n "$line" ]]; do
  args+=("$(subst "$line")")
done <"$CASE/cmd"

envs=()
if [[ -f "$CASE/env" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ -n "$line" ]] && envs+=("$(subst "$line")")
  done <"$CASE/env"
fi

declare -A before
while IFS= read -r line || [[ -n "$line" ]]; do
  if [[ "$line" == unchanged:* ]]; then
    p=$(subst "${line#unchanged: }")
    before[$p]=$(sha256sum "$TMP/$p" 2>/dev/null | cut -d' ' -f1)
  fi
done <"$CASE/expected.txt"

prefix=()
if [[ -f "$CASE/as-nobody" && $(id -u) -eq 0 ]]; then
  chown -R 65534:65534 "$TMP"
  prefix=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
limit=unlimited
[[ -f "$CASE/ulimit-f" ]] && limit=$(tr -d ' \n' <"$CASE/ulimit-f")

(
  cd "$TMP" || exit 126
  ulimit -f "$limit"
  exec env "${envs[@]}" "${prefix[@]}" "$BIN" "${args[@]}"
) >"$TMP.stdout" 2>"$TMP.stderr"
code=$?

files=()
while IFS= read -r line || [[ -n "$line" ]]; do
  value=$(subst "${line#*: }")
  case "$line" in
    exit:*) [[ "$code" == "$value" ]] || fail "exit code $code, expected $value" ;;
    stderr:*) grep -qF -- "$value" "$TMP.stderr" || fail "stderr lacks: $value" ;;
    stdout:*) grep -qF -- "$value" "$TMP.stdout" || fail "stdout lacks: $value" ;;
    stderr-lines:*)
      n=${value%% *}; text=${value#* }
      got=$(grep -cF -- "$text" "$TMP.stderr")
      [[ "$got" == "$n" ]] || fail "$got lines of stderr have '$text', expected $n" ;;
    no-line:*)
      while IFS= read -r err; do
        [[ "$err" == "$value"* ]] && fail "stderr has a line starting: $value"
      done <"$TMP.stderr" ;;
    file:*) [[ -f "$TMP/$value" ]] || fail "missing file: $value"; files+=("$value") ;;
    unchanged:*)
      [[ "$(sha256sum "$TMP/$value" 2>/dev/null | cut -d' ' -f1)" == "${before[$value]}" ]] ||
        fail "changed: $value" ;;
    pdf-text:*)
      pdf=${value%% *}; text=${value#* }
      pdftotext -enc UTF-8 "$TMP/$pdf" - 2>/dev/null | tr '\n' ' ' | grep -qF -- "$text" ||
        fail "$pdf lacks the text: $text" ;;
    "") ;;
    *) fail "unknown line in expected.txt: $line" ;;
  esac
done <"$CASE/expected.txt"

# Nothing but the files named may be in out/, and no temporary anywhere.
while IFS= read -r f; do
  rel=${f#"$TMP/"}
  base=$(basename "$f")
  if [[ "$base" =~ ^\..+\.[A-Za-z0-9]{6}$ ]]; then fail "temporary left behind: $rel"; fi
  if [[ "$rel" == out/* && "$base" != .broadside-state && -z "${existed[$f]:-}" ]]; then
    keep=0
    for k in "${files[@]}"; do [[ "$k" == "$rel" ]] && keep=1; done
    [[ $keep == 1 ]] || fail "output left behind: $rel"
  fi
done < <(find "$TMP" \( -type f -o -type l \) 2>/dev/null)

echo "ok [$NAME]: exit $code"
rm -f "$TMP.stdout" "$TMP.stderr"
