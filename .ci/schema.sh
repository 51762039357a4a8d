#!/usr/bin/env bash
# CI: docs/postlint.schema.json is a valid JSON Schema, every configuration the documentation
# shows (and every one postlint init writes for the fixtures) validates against it, and
# configurations postlint rejects do not.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1
python3 -m pip install --quiet jsonschema ruamel.yaml
swift build --product postlint >/dev/null
python3 scripts/config-schema-check.py "$(swift build --show-bin-path)/postlint"
