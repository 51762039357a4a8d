#!/usr/bin/env bash
# CI: builds the fuzz targets and runs every one of them for about a minute in total; a crash,
# hang or memory blow-up fails the run (the input is kept in .build-fuzz/artifacts/).
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/fuzz.sh --total "${POSTLINT_FUZZ_SECONDS:-64}"
