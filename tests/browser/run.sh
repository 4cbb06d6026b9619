#!/usr/bin/env bash
# run.sh — the web pages' browser test: installs its npm packages (locked in package-lock.json),
# starts `broadside serve --watch` on a free port over a copy of the bundled designs (the test
# edits one), runs pages.test.mjs in Debian's chromium, stops the server.
# Usage: tests/browser/run.sh BROADSIDE_BINARY
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="${1:?usage: run.sh BROADSIDE_BINARY}"
command -v chromium >/dev/null && command -v node >/dev/null && command -v npm >/dev/null || {
  echo "browser test: chromium, node and npm are needed: scripts/setup.sh --with-tests" >&2
  exit 1
}
# npm ci only when the lock changed since the last install: a run offline after the first works.
stamp="$here/node_modules/.package-lock.json"
if [[ ! -f "$stamp" || "$here/package-lock.json" -nt "$stamp" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

work="$(mktemp -d)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cp -r "$root/designs" "$work/designs"
"$binary" serve --port 0 --watch --designs "$work/designs" --content "$root/content" \
  >"$work/server.out" 2>"$work/server.err" &
server=$!
for _ in $(seq 50); do
  grep -q '^broadside serve: http' "$work/server.out" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -o 'http://[^ ]*' "$work/server.out" | head -1)"
[[ -n "$url" ]] || { echo "browser test: the server did not start" >&2; cat "$work/server.err" >&2; exit 1; }
NO_PROXY='*' no_proxy='*' node "$here/pages.test.mjs" "$url" "$work/designs" "$work"
kill -0 "$server" || { echo "browser test: the server died" >&2; exit 1; }
