#!/usr/bin/env python3
"""Precision and recall of postlint's `mojibake` rule on the committed corpus, beside ftfy's.

    pip install ftfy
    python3 scripts/mojibake-benchmark.py [--no-build] [--scratch-path .build-release]

Generates nothing: it reads bench/mojibake/corpus.jsonl (see scripts/mojibake-corpus.py), writes
each item as a small post (minimal front matter, the item as body) into a temporary folder, runs the
real binary (`postlint check --format json FOLDER`) and counts a post as flagged when it has a
`mojibake` diagnostic. ftfy runs on the same items: an item is flagged when `ftfy.fix_encoding`
changes it. Both tools' repairs are compared with the clean text as well. Exits 1 when postlint
misses the target: precision at least 0.99 and recall at least ftfy's.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "mojibake" / "corpus.jsonl"
FRONT_MATTER = "---\ntitle: corpus item\n---\n\n"


def load():
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def run_postlint(items, scratch, build):
    if build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "postlint", "--scratch-path", scratch],
                       cwd=ROOT, check=True, stdout=sys.stderr)
    binary = ROOT / scratch / "release" / "postlint"
    flagged = {}
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for item in items:
            name = item["id"] + ".md"
            names[name] = item["id"]
            Path(folder, name).write_bytes((FRONT_MATTER + item["text"] + "\n").encode("utf-8"))
        result = subprocess.run([str(binary), "check", "--format", "json", "."], cwd=folder,
                                capture_output=True)
        if result.returncode not in (0, 1):
            sys.stderr.write(result.stderr.decode("utf-8", "replace"))
            raise SystemExit(f"postlint exited with {result.returncode}")
        report = json.loads(result.stdout)
        for diagnostic in report["diagnostics"]:
            if diagnostic["rule"] != "mojibake":
                continue
            item_id = names.get(os.path.basename(diagnostic["path"]))
            if item_id is not None:
                flagged.setdefault(item_id, []).append(diagnostic)
    return flagged


def run_ftfy(items):
    import ftfy
    flagged, repairs = set(), {}
    for item in items:
        fixed = ftfy.fix_encoding(item["text"])
        if fixed != item["text"]:
            flagged.add(item["id"])
            repairs[item["id"]] = fixed
    return flagged, repairs


def scores(items, flagged):
    tp = sum(1 for i in items if i["label"] == "mojibake" and i["id"] in flagged)
    fp = sum(1 for i in items if i["label"] == "clean" and i["id"] in flagged)
    fn = sum(1 for i in items if i["label"] == "mojibake" and i["id"] not in flagged)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return tp, fp, fn, precision, recall


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use the binary already built")
    parser.add_argument("--scratch-path", default=".build-release", help="SwiftPM scratch path of the release build")
    parser.add_argument("--show", type=int, default=10, help="false alarms and misses to list per tool")
    args = parser.parse_args()

    items = load()
    clean = sum(1 for i in items if i["label"] == "clean")
    print(f"corpus: {len(items)} items, {clean} clean, {len(items) - clean} mojibake")

    postlint = run_postlint(items, args.scratch_path, not args.no_build)
    ftfy_flagged, ftfy_repairs = run_ftfy(items)

    rows = []
    for name, flagged in (("postlint", set(postlint)), ("ftfy", ftfy_flagged)):
        rows.append((name,) + scores(items, flagged))
    print()
    print(f"{'tool':<10}{'TP':>7}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>9}")
    for name, tp, fp, fn, precision, recall in rows:
        print(f"{name:<10}{tp:>7}{fp:>6}{fn:>6}{precision:>11.4f}{recall:>9.4f}")

    # Recall by kind of damage.
    kinds = sorted({i["kind"] for i in items if i["label"] == "mojibake"})
    print()
    print(f"{'recall by kind':<28}{'items':>6}{'postlint':>10}{'ftfy':>8}")
    for kind in kinds:
        members = [i for i in items if i["label"] == "mojibake" and i["kind"] == kind]
        ours = sum(1 for i in members if i["id"] in postlint) / len(members)
        theirs = sum(1 for i in members if i["id"] in ftfy_flagged) / len(members)
        print(f"{kind:<28}{len(members):>6}{ours:>10.3f}{theirs:>8.3f}")

    # ftfy's exact repairs (postlint's are checked by its own corpus test, through its fixes).
    exact = sum(1 for i in items if i["label"] == "mojibake" and ftfy_repairs.get(i["id"]) == i["expected"])
    print(f"\nftfy repairs equal to the clean text: {exact} of {rows[1][1]} flagged mojibake items")

    by_id = {i["id"]: i for i in items}
    for name, flagged in (("postlint", set(postlint)), ("ftfy", ftfy_flagged)):
        alarms = [by_id[k] for k in sorted(flagged) if by_id[k]["label"] == "clean"]
        misses = [i for i in items if i["label"] == "mojibake" and i["id"] not in flagged]
        if alarms:
            print(f"\n{name} false alarms (first {args.show}):")
            for item in alarms[:args.show]:
                print(f"  {item['id']}: {item['text'][:80]!r}")
        if misses:
            print(f"\n{name} misses (first {args.show}):")
            for item in misses[:args.show]:
                print(f"  {item['id']} [{item['kind']}]: {item['text'][:80]!r}")

    _, _, _, precision, recall = rows[0][1:]
    ftfy_recall = rows[1][5]
    ok = precision >= 0.99 and recall >= ftfy_recall
    print(f"\ntarget (precision >= 0.99, recall >= ftfy's {ftfy_recall:.4f}): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
