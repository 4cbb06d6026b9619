#!/usr/bin/env bash
# setup.sh — installs every Debian package broadside needs to build, render and test; no-op when present.
set -euo pipefail

# Build tools and the libraries broadside links (see README "Dependencies" for why each is there).
BUILD=(build-essential cmake pkg-config clang-format
  libglib2.0-dev libcairo2-dev libpango1.0-dev libharfbuzz-dev libfontconfig-dev libfreetype-dev
  libyaml-cpp-dev libcli11-dev doctest-dev libcmark-dev libhyphen-dev libqrencode-dev
  librsvg2-dev libpng-dev libqpdf-dev liblcms2-dev libfmt-dev libcsv-dev nlohmann-json3-dev libicu-dev
  libcpp-httplib-dev libzip-dev)
# Fonts and hyphenation dictionaries: the only ones broadside's fontconfig configuration sees.
FONTS=(fonts-league-spartan fonts-inter fonts-noto-core fonts-noto-cjk fonts-dejavu-core fonts-symbola
  hyphen-en-us hyphen-es hyphen-fr hyphen-de hyphen-ru hyphen-pt-br hyphen-it hyphen-uk
  icc-profiles-free)
# Ghostscript: `broadside preflight` measures a finished file's ink and draws its proof with it.
RUNTIME=(ghostscript)
# Tools the tests use to inspect what broadside writes (groff checks the man page, jsonschema
# and yaml the schemas); chromium and Node drive the web page's browser test (tests/browser:
# playwright-core and axe-core from npm, locked).
TEST=(poppler-utils qpdf zbar-tools parallel groff-base python3-jsonschema python3-yaml chromium
  nodejs)

want=("${BUILD[@]}" "${FONTS[@]}" "${RUNTIME[@]}")
if [[ "${1:-}" == "--with-tests" ]]; then
  want+=("${TEST[@]}")
  # Debian's npm; a Node.js from elsewhere (NodeSource) brings its own and conflicts with it.
  command -v npm >/dev/null || want+=(npm)
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

SUDO=""
[[ $(id -u) -ne 0 ]] && SUDO="sudo"
echo "setup: installing ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
