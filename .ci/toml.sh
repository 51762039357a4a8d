#!/usr/bin/env bash
# TOML front matter against Python's tomllib (a TOML 1.0 parser): every generated document tomllib
# accepts must parse to the same keys, types and values, every mutation and data-model corner it
# rejects must be reported, and postlint must end normally on all of them
# (scripts/toml-conformance.py). With TOML_TEST_SUITE set to the toml-test suite's `tests` folder,
# its TOML 1.0 valid and invalid cases are read too.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product postlint >/dev/null
python3 scripts/toml-conformance.py "$(swift build --show-bin-path)/postlint" --count 2000 \
    ${TOML_TEST_SUITE:+--suite "$TOML_TEST_SUITE"}
