#!/usr/bin/env bash
# TOML front matter against Python's tomllib (a TOML 1.0 parser): every generated document tomllib
# accepts must parse, every mutation it rejects must be reported, and postlint must end normally
# on all of them (scripts/toml-conformance.py).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product postlint >/dev/null
python3 scripts/toml-conformance.py "$(swift build --show-bin-path)/postlint" --count 2000
