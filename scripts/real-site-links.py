#!/usr/bin/env python3
"""Count postlint's broken-link and broken-image findings on a real site, by kind of destination,
and print a seeded random sample of them with their source lines, for judging by hand.

    scripts/real-site-links.py SITE --postlint BINARY [--path PATH] [--sample 20] [--seed 1] [--json]

SITE is a site's folder as its repository has it (kept outside this repository). postlint runs there
as a user would, from the site's root, with whatever configuration the site has (usually none):
`postlint check PATH --format json` (PATH defaults to "."). Each finding's destination is read from
the source text at the finding's range (else from its message) and classified as in
scripts/link_kinds.py: file, static, route, relative route, anchor, route+anchor, image. Nothing is
built or fetched; whether a finding is right is for the reader of the sample to judge.
"""

import argparse
import collections
import json
import os
import random
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import link_kinds  # noqa: E402


def fail(message):
    """A fault of the run, not a measurement: exit code 2."""
    print(f"real-site-links: error: {message}", file=sys.stderr)
    sys.exit(2)

ORDER = ["file", "static", "route", "relative route", "anchor", "route+anchor", "image"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", help="the site's folder")
    parser.add_argument("--postlint", required=True, help="the postlint binary")
    parser.add_argument("--path", default=".", help="what to check, relative to the site's folder (default: .)")
    parser.add_argument("--sample", type=int, default=20, help="how many findings to print (default: 20)")
    parser.add_argument("--seed", type=int, default=1, help="the sample's random seed (default: 1)")
    parser.add_argument("--json", action="store_true", help="print the counts and the sample as JSON")
    arguments = parser.parse_args()

    site = os.path.abspath(arguments.site)
    binary = os.path.abspath(arguments.postlint)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        fail(f"{binary}: not an executable file")
    if not os.path.isdir(site):
        fail(f"{site}: not a folder")
    result = subprocess.run([binary, "check", arguments.path, "--format", "json"],
                            cwd=site, capture_output=True, text=True)
    if result.returncode not in (0, 1, 2) or not result.stdout.strip():
        fail(f"postlint exited with {result.returncode}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    texts = {}
    findings = []
    for diagnostic in report["diagnostics"]:
        if diagnostic["rule"] not in ("broken-link", "broken-image"):
            continue
        path = diagnostic["path"]
        if path not in texts:
            try:
                with open(os.path.join(site, path), encoding="utf-8", errors="replace") as handle:
                    lines = link_kinds.split_lines(handle.read())
            except OSError:
                lines = []
            texts[path] = (lines, link_kinds.reference_definitions(lines))
        lines, definitions = texts[path]
        destination, is_image = link_kinds.finding_destination(lines, definitions, diagnostic)
        kind = link_kinds.classify(link_kinds.normalize(destination), is_image)
        line_text = lines[diagnostic["line"] - 1].strip() if 0 < diagnostic["line"] <= len(lines) else ""
        findings.append({"path": path, "line": diagnostic["line"], "rule": diagnostic["rule"], "kind": kind,
                         "destination": destination, "message": diagnostic["message"], "source": line_text})

    by_kind = collections.Counter(finding["kind"] for finding in findings)
    by_rule = collections.Counter(finding["rule"] for finding in findings)
    sample = random.Random(arguments.seed).sample(findings, min(arguments.sample, len(findings)))
    if arguments.json:
        json.dump({"site": arguments.site, "files": report["summary"].get("files"), "exit": result.returncode,
                   "rules": dict(by_rule), "kinds": {kind: by_kind.get(kind, 0) for kind in ORDER},
                   "sample": sample}, sys.stdout, indent=1)
        print()
        return 0
    print(f"{arguments.site}: {report['summary'].get('files')} files, postlint exit {result.returncode}; "
          f"broken-link {by_rule.get('broken-link', 0)}, broken-image {by_rule.get('broken-image', 0)}")
    for kind in ORDER:
        print(f"  {kind:<16}{by_kind.get(kind, 0):>7}")
    if sample:
        print(f"sample of {len(sample)} (seed {arguments.seed}):")
    for finding in sample:
        print(f"  {finding['path']}:{finding['line']} [{finding['kind']}] {finding['destination']}")
        print(f"      {finding['source'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
