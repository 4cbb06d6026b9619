#!/bin/bash
# run.sh — performance benchmark for issues #7 and #16: broadside against the bare Pango/Cairo
# program, every goal as a ratio to it (or to broadside's own cold render) measured in one run.
#
# Builds a Release broadside (its own build dir) and the bare Pango/Cairo leaflet program (from
# a scratch copy of the peers folder), times whole processes with hyperfine, measures peak
# memory with GNU time, counts the cold render's instructions with valgrind's callgrind where
# valgrind is installed (the one figure the machine's other load does not move), and writes
# tests/bench/RESULTS.md: medians and ratios for every target of the issue. Not part of the
# test suite (ctest does not run it); takes a few minutes.
#
#   tests/bench/run.sh
#
# Environment:
#   RUNS=10           counted hyperfine runs per command (after 2 warm-ups)
#   BATCH_JOBS=200    leaflets in the batch manifest (a data merge: one row per leaflet)
#   MEMORY_JOBS=10000 rows of the long merge, whose peak memory is compared with the batch's
#                     (run once, at -j 1, so the peak is the whole run's)
#   BUILD_DIR=build-bench   where the Release binary is built (reuse another to save a build)
#   PEERS=/path       a full peers folder (typst/, weasyprint/, latex/, chromium/, pangocairo/,
#                     common/); default: the bare program vendored in tests/bench/peers.
#                     Peers whose tool is installed are timed too.
#   OUT=tests/bench/RESULTS.md
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RUNS=${RUNS:-10}
BATCH_JOBS=${BATCH_JOBS:-200}
MEMORY_JOBS=${MEMORY_JOBS:-10000}
BUILD_DIR=${BUILD_DIR:-build-bench}
PEERS=${PEERS:-$ROOT/tests/bench/peers}
OUT=${OUT:-$ROOT/tests/bench/RESULTS.md}

# ---- tools: hyperfine, GNU time, jq (only for the benchmark, not scripts/setup.sh) ----
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v jq >/dev/null || need+=(jq)
pkg-config --exists pangocairo cairo-pdf 2>/dev/null || need+=(libpango1.0-dev libcairo2-dev)
[ -e /usr/include/hyphen.h ] || need+=(libhyphen-dev)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need[@]}"
fi

# ---- builds ----
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)" --target broadside >/dev/null
BS=$ROOT/$BUILD_DIR/broadside
[[ "$BUILD_DIR" = /* ]] && BS=$BUILD_DIR/broadside

W=$(mktemp -d /tmp/broadside-bench.XXXXXX)
trap 'rm -rf "$W"' EXIT
cp -r "$PEERS" "$W/peers"
chmod -R u+w "$W/peers"
sh "$W/peers/pangocairo/build.sh"
BARE=$W/peers/pangocairo/leaflet
BARE_IN=$W/peers/common/content.txt
STATEMENT=$ROOT/content/statement.en.md

# ---- helpers ----
# hf NAME CMD...: hyperfine (2 warm-ups, $RUNS runs, no shell); the JSON goes to $W/NAME.json.
# $W/fresh is removed before every run: batch outputs go there, so no run finds its jobs
# already done (batch runs are incremental).
hf() {
  local name=$1; shift
  hyperfine -N --warmup 2 --runs "$RUNS" --prepare "rm -rf $W/fresh" \
    --export-json "$W/$name.json" "$@" >/dev/null
}
# median NAME [INDEX]: median wall time in ms of command INDEX (default 0) of run NAME.
median() { jq -r ".results[${2:-0}].median * 1000" "$W/$1.json"; }
minmax() { jq -r ".results[${2:-0}] | \"\(.min * 1000 | round)-\(.max * 1000 | round)\"" "$W/$1.json"; }
# peak CMD...: peak RSS in MiB of one run (the median of 3), $W/fresh removed before each.
peak() {
  local f=$W/peak.txt; : > "$W/peaks"
  for _ in 1 2 3; do
    rm -rf "$W/fresh"
    /usr/bin/time -f '%M' -o "$f" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    tail -1 "$f" >> "$W/peaks"
  done
  sort -n "$W/peaks" | sed -n 2p | awk '{printf "%.1f", $1/1024}'
}
fmt() { awk -v v="$1" 'BEGIN {printf "%.0f", v}'; }
fmt1() { awk -v v="$1" 'BEGIN {printf "%.1f", v}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
verdict() { [ "$1" = 1 ] && echo "met" || echo "**not met**"; }
le() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a <= b)}' && echo 1 || echo 0; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a >= b)}' && echo 1 || echo 0; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cd "$W"
# ---- 1. one cold leaflet PDF; 2. PDF + 300 dpi PNG of page 1 ----
echo "1/5 cold render" >&2
hf pdf "$BARE $BARE_IN $W/bare.pdf" \
  "$BS render leaflet-a5 $STATEMENT -o $W/x.pdf"
bare_pdf=$(median pdf 0); bs_pdf=$(median pdf 1)
echo "2/5 PDF + PNG" >&2
hf png "$BARE $BARE_IN $W/bare.pdf --png $W/bare.png" \
  "$BS render leaflet-a5 $STATEMENT -o $W/x.pdf -o $W/x.png --dpi 300 --pages 1"
bare_png=$(median png 0); bs_png=$(median png 1)
# all pages as PNG too, for reference
hf pngall "$BS render leaflet-a5 $STATEMENT -o $W/y.pdf -o $W/y.png --dpi 300"
bs_pngall=$(median pngall 0)
mem_bare=$(peak "$BARE" "$BARE_IN" "$W/bare.pdf")
mem_pdf=$(peak "$BS" render leaflet-a5 "$STATEMENT" -o "$W/x.pdf")
mem_png=$(peak "$BS" render leaflet-a5 "$STATEMENT" -o "$W/x.pdf" -o "$W/x.png" --dpi 300 --pages 1)
"$BS" render leaflet-a5 "$STATEMENT" -o "$W/t.pdf" -o "$W/t.png" --dpi 300 --pages 1 --timings \
  2> "$W/timings.txt" >/dev/null
# Instructions executed (callgrind, every thread counted): unlike wall time, the same on a
# loaded machine as on a quiet one, so a change's effect shows even when the timings are noise.
ins_bare=""; ins_bs=""
if command -v valgrind >/dev/null; then
  instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$W/cg.out" "$@" 2>&1 >/dev/null |
      sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | tail -1
  }
  ins_bare=$(instructions "$BARE" "$BARE_IN" "$W/bare.pdf")
  ins_bs=$(instructions "$BS" render leaflet-a5 "$STATEMENT" -o "$W/x.pdf")
fi

# ---- 3. batch: per leaflet at -j1, throughput -j2 / -j1; 4. memory of a long batch ----
echo "3/5 batch" >&2
manifest() {  # manifest FILE JOBS: JOBS leaflet-a5 PDFs of the statement, one per data row
  local file=$1 n=$2
  # Each row its own contact line (the back page's band), so every leaflet draws differently:
  # rows that drew alike would only measure print_pdf's reuse of the previous row's file.
  { echo "n,contact"; seq "$n" | awk '{printf "%d,\"Branch %d meets Tuesdays at 7pm: branch%d@example.org\"\n", $1, $1, $1}'; } \
    > "${file%.yaml}.csv"
  cat > "$file" <<EOF
designs: leaflet-a5
statements: $STATEMENT
data: $(basename "${file%.yaml}.csv")
outputs: "leaflet-{row}.pdf"
EOF
}
manifest "$W/batch.yaml" "$BATCH_JOBS"
manifest "$W/one.yaml" 1
manifest "$W/memory.yaml" "$MEMORY_JOBS"
hf batch "$BS batch $W/batch.yaml --out $W/fresh -j 1" "$BS batch $W/batch.yaml --out $W/fresh -j 2" \
  "$BS batch $W/one.yaml --out $W/fresh -j 1" "$BARE $BARE_IN $W/bare.pdf --batch $BATCH_JOBS"
b1=$(median batch 0); b2=$(median batch 1); b0=$(median batch 2); bare_batch=$(median batch 3)
per_leaflet=$(awk -v t="$b1" -v n="$BATCH_JOBS" 'BEGIN {print t/n}')
marginal=$(awk -v t="$b1" -v o="$b0" -v n="$BATCH_JOBS" 'BEGIN {print (t-o)/(n-1)}')
bare_per=$(awk -v t="$bare_batch" -v n="$BATCH_JOBS" 'BEGIN {print t/n}')
# The -j 2 / -j 1 ratio from pairs run back to back (-j 1, then -j 2, RUNS times), the median
# of the pairs' ratios: the machine's speed drifts over the minutes hyperfine spends on all
# runs of one command before the other, and a pair sees the same machine.
ns() { date +%s%N; }
: > "$W/pairs"
for _ in $(seq "$RUNS"); do
  rm -rf "$W/fresh"; t0=$(ns); $BS batch "$W/batch.yaml" --out "$W/fresh" -j 1 >/dev/null 2>&1
  rm -rf "$W/fresh"; t1=$(ns); $BS batch "$W/batch.yaml" --out "$W/fresh" -j 2 >/dev/null 2>&1
  t2=$(ns)
  awk -v a="$((t1 - t0))" -v b="$((t2 - t1))" 'BEGIN {printf "%.4f\n", a / b}' >> "$W/pairs"
done
speedup=$(sort -n "$W/pairs" | awk '{v[NR] = $1} END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m}')
pairs_range=$(sort -n "$W/pairs" | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f-%.2f", lo, hi}')
# CPU seconds (user + system) of the -j 1 and -j 2 runs: equal when the work itself does not
# grow with threads, so a speed-up short of 2 then means the cores were busy elsewhere.
cpu() { jq -r ".results[$1] | (.user + .system) * 1000" "$W/batch.json"; }
cpu1=$(cpu 0); cpu2=$(cpu 1)
"$BS" batch "$W/batch.yaml" --out "$W/br" -j 1 --report "$W/report.json" >/dev/null
written=$(find "$W/br" -name '*.pdf' | wc -l)
[ "$written" = "$BATCH_JOBS" ] || { echo "the batch wrote $written PDFs, not $BATCH_JOBS" >&2; exit 1; }
# 6. One PDF of every row's pages for a variable-data press (--vt): the 12-branch meeting poster
# as PDF/X-4 (rows that differ: the branch, place, date and contact), its size against the rows'
# own files, and the time the gathering adds to a run whose rows are already written.
vt_data="$ROOT/content/branches.csv"
vt_rows=$(($(wc -l < "$vt_data") - 1))
vt_run() { "$BS" render poster-meeting-a3 "$STATEMENT" --data "$vt_data" --pdfx 4 -o "$W/vt/{branch.name}.pdf" "$@" >/dev/null 2>&1; }
rm -rf "$W/vt"
vt_run || { echo "the meeting poster merge failed" >&2; exit 1; }
t0=$(ns); vt_run || true; t1=$(ns)
vt_run --vt "$W/all.pdf" || { echo "the --vt merge failed" >&2; exit 1; }
t2=$(ns)
vt_ms=$(( (t2 - t1 - (t1 - t0)) / 1000000 ))
vt_kib=$(( $(stat -c %s "$W/all.pdf") / 1024 ))
rows_kib=$(( $(find "$W/vt" -name '*.pdf' -printf '%s\n' | awk '{s += $1} END {print s}') / 1024 ))
vt_pages=$(pdfinfo "$W/all.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
echo "4/5 memory" >&2
# -j 1: one process, so GNU time's peak is the whole run's (with -j 2 each worker is a process
# of its own and the peak would be the largest one's).
mem_batch=$(peak "$BS" batch "$W/batch.yaml" --out "$W/fresh" -j 1)
rm -rf "$W/fresh"
/usr/bin/time -f '%M' -o "$W/long.txt" "$BS" batch "$W/memory.yaml" --out "$W/fresh" -j 1 \
  >/dev/null 2>&1 || { echo "the long merge failed" >&2; exit 1; }
mem_long=$(tail -1 "$W/long.txt" | awk '{printf "%.1f", $1/1024}')
rm -rf "$W/fresh"
# Every bundled language, cold, PDF only: the goal is for the worst of them.
lang_rows=""; mem_worst=0; worst_lang=""
for st in "$ROOT"/content/statement.*.md; do
  lang=$(basename "$st" .md); lang=${lang#statement.}
  m=$(peak "$BS" render leaflet-a5 "$st" -o "$W/lang.pdf")
  lang_rows+="$lang $m MiB, "
  if [ "$(ge "$m" "$mem_worst")" = 1 ]; then mem_worst=$m; worst_lang=$lang; fi
done
lang_rows=${lang_rows%, }
mem_en=$(peak "$BS" render leaflet-a5 "$ROOT/content/statement.en.md" -o "$W/lang.pdf")

# ---- 5. scaling with statement length on booklet-a5 ----
echo "5/5 scaling" >&2
for k in 1 2 4 8; do
  awk -v k="$k" '
    /^---$/ && fences < 2 { fences++; print; next }
    fences < 2 { print; next }
    { body[++n] = $0 }
    # Each copy differs (a marker on every non-blank line), so no copy is a paragraph the
    # engine has already measured and laid out: repeats would only measure its caches.
    END {
      for (i = 0; i < k; i++)
        for (j = 1; j <= n; j++) print (i > 0 && body[j] ~ /[^ ]/ ? body[j] " [" i "]" : body[j])
    }
  ' "$STATEMENT" > "$W/statement-$k.md"
done
hf scale "$BS render booklet-a5 $W/statement-1.md -o $W/s1.pdf" \
  "$BS render booklet-a5 $W/statement-2.md -o $W/s2.pdf" \
  "$BS render booklet-a5 $W/statement-4.md -o $W/s4.pdf" \
  "$BS render booklet-a5 $W/statement-8.md -o $W/s8.pdf"
declare -A sc pages
for i in 0 1 2 3; do
  k=$((1 << i)); sc[$k]=$(median scale $i)
  pages[$k]=$(pdfinfo "$W/s$k.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || echo "?")
  "$BS" render booklet-a5 "$W/statement-$k.md" -o "$W/s$k.pdf" --timings 2> "$W/scale-$k.txt" >/dev/null
done
compose_ms() { sed -n 's/.*compose \([0-9.]*\) (\([0-9]*\) layout.*/\1/p' "$W/scale-$1.txt"; }
passes_of() { sed -n 's/.*compose [0-9.]* (\([0-9]*\) layout.*/\1/p' "$W/scale-$1.txt"; }
# Each doubling should cost about as much per extra copy of the body as the first one.
inc() { awk -v a="${sc[$1]}" -v b="${sc[$2]}" -v n="$(($2 - $1))" 'BEGIN {print (b-a)/n}'; }
inc12=$(inc 1 2); inc48=$(inc 4 8)
growth=$(ratio "$inc48" "$inc12")

# ---- peers, where installed (whole PDF, same run as a bare program run) ----
peer_rows=""
add_peer() {  # add_peer NAME CMD
  local name=$1 cmd=$2
  hf "peer-$name" "$BARE $BARE_IN $W/bare.pdf" "$cmd" || return 0
  peer_rows+="| $name | $(fmt "$(median "peer-$name" 1)") | $(ratio "$(median "peer-$name" 1)" "$(median "peer-$name" 0)") |"$'\n'
}
cd "$W/peers"
TYPST=${TYPST:-$(command -v typst || true)}
if [ -n "$TYPST" ] && [ -f typst/leaflet.typ ]; then
  add_peer typst "$TYPST compile --root . typst/leaflet.typ $W/typst.pdf"
fi
if command -v weasyprint >/dev/null && [ -f weasyprint/gen_html.py ]; then
  python3 weasyprint/gen_html.py && add_peer weasyprint "weasyprint weasyprint/leaflet.html $W/wp.pdf"
fi
if command -v xelatex >/dev/null && [ -f latex/gen_tex.py ]; then
  mkdir -p "$W/latex" && python3 latex/gen_tex.py &&
    add_peer xelatex "xelatex -interaction=batchmode -halt-on-error -output-directory=$W/latex latex/leaflet.tex"
fi
if command -v chromium >/dev/null && [ -x chromium/render.sh ]; then
  add_peer chromium "chromium/render.sh $W/chromium.pdf"
fi
cd "$W"

# The web page's warm preview (goal ≤ 0.25× a cold render of the same page), from the load
# script (tests/load): a keystroke's preview against the first render of that design in a fresh
# server; only when this build has `serve`.
serve_row="| 7 | \`serve\` preview of page 1 after one value changed, warm | not measured: this build has no \`serve\` | — | | ≤ 0.25× cold render | **not met** |"
if "$BS" --help 2>&1 | grep -qE '^ +serve +'; then
  load_out=$(python3 "$ROOT/tests/load/serve_load.py" "$BS" 2000 12 2>&1 || true)
  preview=$(grep -o 'first [0-9]* ms, after a keystroke [0-9.]* ms ([0-9.]*x)' <<<"$load_out" || true)
  serve_ratio=$(grep -o '([0-9.]*x)' <<<"$preview" | tr -d '()x')
  if [ -n "$serve_ratio" ]; then
    serve_row="| 7 | \`serve\` preview of page 1 at 96 dpi after one value changed, warm | $preview | $serve_ratio× | | ≤ 0.25× cold render | $(verdict "$(le "$serve_ratio" 0.25)") |"
  else
    serve_row="| 7 | \`serve\` preview, warm | the load script failed: $(tail -1 <<<"$load_out") | — | | ≤ 0.25× cold render | **not measured** |"
  fi
fi

# ---- the table ----
merge_ratio=$(ratio "$per_leaflet" "$bare_per")
flat_ratio=$(ratio "$mem_long" "$mem_batch")
t1=$(le "$(ratio "$bs_pdf" "$bare_pdf")" 1.15)
t2=$(le "$bs_png" "$bare_png")
t3a=$(le "$merge_ratio" 0.8); t3b=$(ge "$speedup" 1.8)
t4a=$(le "$mem_worst" 60); t4c=$(le "$mem_en" 40); t4b=$(le "$flat_ratio" 1.1)
t5=$(le "$growth" 1.5)
stage_line=$(grep -h '^timings' "$W/timings.txt" | sed 's/^timings (ms): //' | paste -sd ';' - | sed 's/;/; /')
report_stages=$(jq -r '[.jobs[] | .timings_ms // empty] | if length == 0 then "" else
  (.[0] | keys_unsorted) as $k | [$k[] as $key | select($key != "layout_passes" and $key != "fits") |
   "\($key) \([.[] | .[$key] // 0] | sort | .[length/2|floor] | . * 10 | round / 10)"] | join(", ") end' \
  "$W/report.json" 2>/dev/null || true)
{
  echo "# Benchmark results"
  echo
  echo "Written by \`tests/bench/run.sh\` on $(date -u +'%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- layout || echo ' + local changes'),"
  echo "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $RUNS runs per command"
  echo "after 2 warm-ups, medians; load average before the run $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "(other processes share the cores: ratios to the bare program, run alongside, hold better"
  echo "than absolute times). \"bare\" is the raw Pango/Cairo C program of the peer benchmark"
  echo "(\`tests/bench/peers/pangocairo/leaflet.c\`: fixed sizes, no fitting, no preflight, no TrimBox)."
  echo
  echo "| # | target | broadside | bare Pango/Cairo | ratio | goal | |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  echo "| 1 | cold \`render leaflet-a5 … -o x.pdf\` | $(fmt "$bs_pdf") ms ($(minmax pdf 1)) | $(fmt "$bare_pdf") ms ($(minmax pdf 0)) | $(ratio "$bs_pdf" "$bare_pdf")× | ≤ 1.15× | $(verdict "$t1") |"
  [ -n "$ins_bs" ] && echo "| 1 | the same, instructions executed (callgrind, all threads) | $(awk -v v="$ins_bs" 'BEGIN {printf "%.0fM", v/1e6}') | $(awk -v v="$ins_bare" 'BEGIN {printf "%.0fM", v/1e6}') | $(ratio "$ins_bs" "$ins_bare")× | | |"
  echo "| 2 | PDF + 300 dpi PNG of page 1 | $(fmt "$bs_png") ms ($(minmax png 1)) | $(fmt "$bare_png") ms ($(minmax png 0)) | $(ratio "$bs_png" "$bare_png")× | < 1× | $(verdict "$t2") |"
  echo "| | PDF + 300 dpi PNG of both pages | $(fmt "$bs_pngall") ms | — | $(ratio "$bs_pngall" "$bare_png")× | | |"
  echo "| 3 | data merge: $BATCH_JOBS leaflet PDFs from $BATCH_JOBS rows, \`-j 1\`, per leaflet | $(fmt1 "$per_leaflet") ms (marginal $(fmt1 "$marginal") ms; whole run $(fmt "$b1") ms) | $(fmt1 "$bare_per") ms (\`--batch $BATCH_JOBS\`, no preflight) | ${merge_ratio}× | ≤ 0.8× | $(verdict "$t3a") |"
  echo "| 3 | batch throughput \`-j 2\` / \`-j 1\` | $speedup× (median of $RUNS back-to-back pairs, $pairs_range; hyperfine medians $(fmt "$b2") / $(fmt "$b1") ms, CPU time $(fmt "$cpu2") / $(fmt "$cpu1") ms) | — | | ≥ 1.8× | $(verdict "$t3b") |"
  echo "| 4 | peak memory, cold PDF, worst bundled language ($worst_lang) | $mem_worst MiB ($lang_rows) | $mem_bare MiB (English) | | ≤ 60 MB | $(verdict "$t4a") |"
  echo "| 4 | peak memory, cold PDF, English (PDF + PNG: $mem_png MiB) | $mem_en MiB | $mem_bare MiB | | ≤ 40 MB | $(verdict "$t4c") |"
  echo "| 4 | peak memory, merge of $BATCH_JOBS / $MEMORY_JOBS rows, \`-j 1\` | $mem_batch / $mem_long MiB | — | ${flat_ratio}× | flat (≤ 1.1×) | $(verdict "$t4b") |"
  echo "| 6 | one PDF of every row's pages for a variable-data press (optional; \`--vt\`, PDF/VT-1 over PDF/X-4): \`poster-meeting-a3\`, $vt_rows branches | $vt_kib KiB, $vt_pages pages (the rows' own files: $rows_kib KiB); gathering adds $vt_ms ms to an up-to-date run | — | $(ratio "$vt_kib" "$rows_kib")× the rows' size | | built |"
  echo "$serve_row"
  echo "| 5 | \`booklet-a5\`, statement 1×/2×/4×/8× ($(for k in 1 2 4 8; do printf '%s' "${pages[$k]}"; [ $k != 8 ] && printf '/'; done) pages) | $(for k in 1 2 4 8; do printf '%s' "$(fmt "${sc[$k]}")"; [ $k != 8 ] && printf ' / '; done) ms | — | per extra body: 1→2 $(fmt "$inc12") ms, 4→8 $(fmt "$inc48") ms: $growth× | linear (≤ 1.5×) | $(verdict "$t5") |"
  echo
  echo "Compose time and layout passes with the statement's length (\`--timings\`): $(for k in 1 2 4 8; do printf '%s× %s ms, %s passes' "$k" "$(compose_ms $k)" "$(passes_of $k)"; [ $k != 8 ] && printf '; '; done)."
  echo
  echo "Stages of one cold PDF + PNG render (\`--timings\`, ms): $stage_line"
  echo
  [ -n "$report_stages" ] && echo "Median stages of a batch job (\`--report\`, ms): $report_stages" && echo
  if [ -n "$peer_rows" ]; then
    echo "Peers (PDF, each timed in one hyperfine run with the bare program):"
    echo
    echo "| peer | PDF ms | × bare |"
    echo "| --- | --- | --- |"
    printf '%s' "$peer_rows"
    echo
  fi
  echo "Rerun: \`tests/bench/run.sh\` (RUNS, BATCH_JOBS, MEMORY_JOBS, BUILD_DIR, PEERS: see the"
  echo "script's header). The machine's other load moves absolute times; the ratios hold better."
} > "$OUT"
cat "$OUT"
