#!/usr/bin/env bash
# YAML front matter against PyYAML's safe loader on libyaml (CSafeLoader), the loader family
# Jekyll's Psych also builds on: 20,000 generated documents must agree on validity (at least
# 99.9 %) and on every value of the valid ones, apart from the differences listed in
# scripts/yaml-differential.py.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1
python3 -m pip install --quiet pyyaml
python3 -c 'import yaml, sys; sys.exit(0 if hasattr(yaml, "CSafeLoader") else "PyYAML was built without libyaml (no CSafeLoader)")'
swift build --product postlint >/dev/null
python3 scripts/yaml-differential.py "$(swift build --show-bin-path)/postlint" --count 20000 --min-agreement 0.999
