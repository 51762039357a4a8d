#!/usr/bin/env bash
# SARIF conformance: validates postlint's SARIF output against the official OASIS SARIF 2.1.0 JSON
# schema (with URI formats checked) and against what GitHub code scanning needs of every result
# (a ruleId, a physical location with an artifact URI and a start line).
#
# Checked: the golden SARIF files the reporter tests compare with (fixes, non-ASCII and reserved
# characters in paths, every severity), and the SARIF the built CLI writes for the fixtures.
# Exits non-zero on any failure.
#
# POSTLINT_SCRATCH=PATH uses that build folder instead of the default one.
set -euo pipefail
cd "$(dirname "$0")/.."

schema="../shared/schemas/sarif-schema-2.1.0.json"
if [ ! -f "$schema" ]; then
    echo "sarif: schema not found at $schema" >&2
    exit 1
fi

echo "sarif: installing the validator (pip install jsonschema rfc3987)"
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore jsonschema rfc3987

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

scratch=()
if [ -n "${POSTLINT_SCRATCH:-}" ]; then scratch=(--scratch-path "$POSTLINT_SCRATCH"); fi
bin_path=$(swift build "${scratch[@]}" --show-bin-path)
if [ ! -x "$bin_path/postlint" ]; then
    echo "sarif: building postlint"
    swift build "${scratch[@]}" --product postlint
fi

echo "sarif: postlint check --format sarif fixtures"
set +e
"$bin_path/postlint" check --format sarif fixtures >"$work/fixtures.sarif" 2>"$work/fixtures.err"
code=$?
set -e
if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then
    echo "sarif: postlint check --format sarif exited with $code:" >&2
    cat "$work/fixtures.err" >&2
    exit 1
fi

python3 - "$schema" \
    "golden:Tests/PostlintReportersTests/Golden/report.sarif" \
    "golden:Tests/PostlintReportersTests/Golden/clean.sarif" \
    "cli:$work/fixtures.sarif" <<'PYTHON'
import json
import sys

import jsonschema

schema_path, *inputs = sys.argv[1:]
with open(schema_path, encoding="utf-8") as handle:
    schema = json.load(handle)
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
# Every format jsonschema knows, not only draft 4's: the SARIF schema uses "uri-reference" too.
format_checker = jsonschema.FormatChecker()
validator = validator_class(schema, format_checker=format_checker)
# Without a URI checker installed, URI formats would pass unchecked: insist on one.
for name in ("uri", "uri-reference"):
    if name not in format_checker.checkers:
        sys.exit(f"sarif: the '{name}' format cannot be checked (is rfc3987 installed?)")

failures = 0


def fail(label, message):
    global failures
    failures += 1
    print(f"sarif: {label}: {message}", file=sys.stderr)


def github_checks(label, log):
    """What GitHub code scanning needs beyond the schema."""
    for run_index, run in enumerate(log.get("runs") or []):
        if run.get("columnKind") != "unicodeCodePoints":
            fail(label, f"run {run_index}: columnKind is {run.get('columnKind')!r}")
        rules = run["tool"]["driver"].get("rules", [])
        ids = [rule["id"] for rule in rules]
        if len(ids) != len(set(ids)):
            fail(label, f"run {run_index}: duplicate rule ids")
        for index, result in enumerate(run.get("results") or []):
            where = f"run {run_index} result {index}"
            rule_id = result.get("ruleId")
            if not rule_id:
                fail(label, f"{where}: no ruleId")
            rule_index = result.get("ruleIndex")
            if rule_index is None or not 0 <= rule_index < len(rules) or rules[rule_index]["id"] != rule_id:
                fail(label, f"{where}: ruleIndex {rule_index} does not point at {rule_id!r}")
            locations = result.get("locations") or []
            physical = locations[0].get("physicalLocation") if locations else None
            if not physical or not physical.get("artifactLocation", {}).get("uri"):
                fail(label, f"{where}: no physical location with an artifact URI")
            elif not physical.get("region", {}).get("startLine"):
                fail(label, f"{where}: no region.startLine")


counts = {}
for item in inputs:
    kind, path = item.split(":", 1)
    label = f"{kind} {path}"
    try:
        with open(path, encoding="utf-8") as handle:
            log = json.load(handle)
    except (OSError, ValueError) as error:
        fail(label, f"not readable JSON: {error}")
        continue
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.absolute_path))
    for error in errors[:20]:
        pointer = "/".join(str(part) for part in error.absolute_path)
        fail(label, f"/{pointer}: {error.message}")
    github_checks(label, log)
    results = sum(len(run.get("results") or []) for run in log.get("runs") or [])
    fixes = sum(len(result.get("fixes") or []) for run in log.get("runs") or [] for result in run.get("results") or [])
    levels = sorted({result.get("level") for run in log.get("runs") or [] for result in run.get("results") or []})
    counts[kind] = counts.get(kind, 0) + results
    print(f"sarif: {label}: {'valid' if not errors else 'INVALID'} ({results} results, {fixes} fixes, levels {levels})")

# The checked files must be real: the golden report covers every level and fixes, and the
# fixtures hold posts with errors.
if counts.get("golden", 0) == 0:
    fail("golden", "no results in the golden SARIF")
if counts.get("cli", 0) == 0:
    fail("cli", "no results for the fixtures")

if failures:
    print(f"sarif: {failures} problem(s)", file=sys.stderr)
    sys.exit(1)
print("sarif: all SARIF valid")
PYTHON
