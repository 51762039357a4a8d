#!/usr/bin/env python3
"""Checks docs/postlint.schema.json against the configurations the project shows.

The schema must itself be a valid draft 2020-12 schema; every configuration in the README, in
docs/*.md and in .ci/*.postlint.yml, and the files `postlint init` writes for the fixtures, must
validate; and configurations that postlint rejects (wrong option type, option out of bounds,
unknown option, newer version) must not. Configurations are read as YAML 1.2, as YAML language
servers read them.

usage: config-schema-check.py POSTLINT_BINARY
"""
import glob
import io
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
from ruamel.yaml import YAML

CONFIG_KEYS = {"version", "extends", "include", "exclude", "fields", "packs", "site-roots", "site", "rules",
               "overrides", "yaml"}


def load(text):
    return YAML(typ="safe", pure=True).load(io.StringIO(text))


def markdown_configurations(path):
    """The yaml blocks of a Markdown file that are configurations (their keys are configuration
    keys and one of them is rules, extends, overrides or version)."""
    text = open(path, encoding="utf-8").read()
    for match in re.finditer(r"^```ya?ml\n(.*?)^```", text, re.S | re.M):
        try:
            value = load(match.group(1))
        except Exception:
            continue
        if isinstance(value, dict) and set(value) <= CONFIG_KEYS and set(value) & {"rules", "extends", "overrides", "version"}:
            line = text.count("\n", 0, match.start()) + 2
            yield f"{path}:{line}", value


def main():
    binary = sys.argv[1]
    schema = load(open("docs/postlint.schema.json", encoding="utf-8").read())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    examples = []
    for path in ["README.md"] + sorted(glob.glob("docs/*.md")):
        examples += list(markdown_configurations(path))
    for path in sorted(glob.glob(".ci/*.postlint.yml")):
        examples.append((path, load(open(path, encoding="utf-8").read())))
    for fixture in ["fixtures/site", "fixtures/cms-export", "fixtures/sites/hugo", "fixtures/sites/jekyll"]:
        if not os.path.isdir(fixture):
            continue
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run(["cp", "-R", fixture + "/.", folder], check=True)
            subprocess.run([binary, "init"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
            examples.append((f"postlint init in {fixture}", load(open(os.path.join(folder, ".postlint.yml")).read())))

    failures = 0
    for where, value in examples:
        errors = sorted(validator.iter_errors(value), key=lambda error: list(error.path))
        for error in errors:
            failures += 1
            print(f"{where}: {'/'.join(map(str, error.path))}: {error.message}", file=sys.stderr)
    rejected = [
        "rules: {slug-format: {max-length: long}}",
        "rules: {slug-format: {max-length: 0}}",
        "rules: {slug-format: {max-lenght: 10}}",
        "rules: {slug-fromat: error}",
        "rules: {link-text: {languages: [fre]}}",
        "rules: {excerpt-length: {min: short}}",
        "version: 2",
        "exlude: [drafts]",
    ]
    for text in rejected:
        if validator.is_valid(load(text)):
            failures += 1
            print(f"the schema accepts {text!r}, which postlint rejects", file=sys.stderr)
    print(f"{len(examples)} configurations valid, {len(rejected)} rejected ones invalid" if failures == 0
          else f"{failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
