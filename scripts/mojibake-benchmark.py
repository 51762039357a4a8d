#!/usr/bin/env python3
"""Precision, recall and exact repairs of postlint's `mojibake` rule per class of damage, beside ftfy's.

    pip install babel==2.16.0 faker==30.8.2 ftfy      # ftfy only as the reference compared with
    python3 scripts/mojibake-benchmark.py [--no-build] [--scratch-path .build-release]
        [--split held-out|tune|all] [--baseline-binary OLD_POSTLINT]

Generates the full corpus (scripts/mojibake-corpus.py) when bench/mojibake/corpus-full.jsonl is
missing, writes each item as a small post (minimal front matter, the item as body) into a temporary
folder and runs the real binary twice: `postlint check --format json` (an item is flagged when it
has a `mojibake` finding) and `postlint fix` on a copy (the repaired body is compared with the
clean text). ftfy runs on the same items: flagged when `ftfy.fix_encoding` changes the text, its
output compared likewise. For an item marked `repairable: false` (a byte was lost), the exact
"repair" is to leave the text as it is.

Per class: recall (flagged of damaged), exact (fix gives back the clean text, of the flagged),
and for clean classes the items flagged and the items changed by fix. The table is printed for the
held-out split by default (never tuned on) and can be printed for the tuning split or all.

Speed: `postlint check`, with only the mojibake rule on, is timed over 2,000 copies of a fixed ASCII
post and of a fixed multilingual post (median CPU time of 7 runs after a warm-up); with `--baseline-binary`
an older build is timed on the same posts, for the before/after ratio.

Exits 1 when postlint misses a target on the split: precision >= 0.995, recall >= 0.97 overall
and >= 0.9 in every class, exact repairs >= 0.95 of the flagged, no clean item changed by fix.
"""

import argparse
import collections
import json
import os
import shutil
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "mojibake" / "corpus-full.jsonl"
FRONT_MATTER = "---\ntitle: corpus item\n---\n\n"


def load():
    if not CORPUS.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "mojibake-corpus.py")], check=True,
                       stdout=sys.stderr)
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_posts(items, folder):
    names = {}
    for item in items:
        name = item["id"] + ".md"
        names[name] = item["id"]
        Path(folder, name).write_bytes((FRONT_MATTER + item["text"] + "\n").encode("utf-8"))
    return names


def run_postlint(items, binary):
    flagged, repaired = {}, {}
    with tempfile.TemporaryDirectory() as folder:
        names = write_posts(items, folder)
        result = subprocess.run([str(binary), "check", "--format", "json", "."], cwd=folder, capture_output=True)
        if result.returncode not in (0, 1):
            sys.stderr.write(result.stderr.decode("utf-8", "replace"))
            raise SystemExit(f"postlint exited with {result.returncode}")
        for diagnostic in json.loads(result.stdout)["diagnostics"]:
            item_id = names.get(os.path.basename(diagnostic["path"]))
            if diagnostic["rule"] == "mojibake" and item_id is not None:
                flagged.setdefault(item_id, []).append(diagnostic)
        # Only the mojibake rule's fixes: every other rule off.
        only_mojibake(binary, folder)
        subprocess.run([str(binary), "fix", "."], cwd=folder, capture_output=True)
        for name, item_id in names.items():
            body = Path(folder, name).read_bytes().decode("utf-8", "replace")
            repaired[item_id] = body[len(FRONT_MATTER):-1] if body.startswith(FRONT_MATTER) else body
    return flagged, repaired


def run_ftfy(items):
    import ftfy
    flagged, repaired = set(), {}
    for item in items:
        fixed = ftfy.fix_encoding(item["text"])
        repaired[item["id"]] = fixed
        if fixed != item["text"]:
            flagged.add(item["id"])
    return flagged, repaired


def wanted(item):
    if item.get("repairable", True) is False:
        return item["text"]
    return item.get("expected", item["text"])


def table(items, tools):
    """tools: name -> (flagged ids, repaired texts by id). Prints the per-class table; returns the
    overall figures per tool."""
    classes = sorted({i["class"] for i in items if i["label"] == "mojibake"})
    clean_classes = sorted({i["class"] for i in items if i["label"] == "clean"})
    names = list(tools)
    header = f"{'class':<26}{'items':>6}" + "".join(f"{n + ' recall':>17}{n + ' exact':>16}" for n in names)
    print(header)
    overall = {}
    worst_recall = {n: 1.0 for n in names}
    for cls in classes:
        members = [i for i in items if i["label"] == "mojibake" and i["class"] == cls]
        row = f"{cls:<26}{len(members):>6}"
        for name in names:
            flagged, repaired = tools[name]
            hits = [i for i in members if i["id"] in flagged]
            exact = sum(1 for i in hits if repaired.get(i["id"]) == wanted(i))
            recall = len(hits) / len(members)
            worst_recall[name] = min(worst_recall[name], recall)
            row += f"{recall:>17.3f}{(exact / len(hits) if hits else 0):>16.3f}"
        print(row)
    print()
    print(f"{'clean class':<26}{'items':>6}" + "".join(f"{n + ' flagged':>17}{n + ' changed':>16}" for n in names))
    for cls in clean_classes:
        members = [i for i in items if i["label"] == "clean" and i["class"] == cls]
        row = f"{cls:<26}{len(members):>6}"
        for name in names:
            flagged, repaired = tools[name]
            changed = sum(1 for i in members if repaired.get(i["id"], i["text"]) != i["text"])
            row += f"{sum(1 for i in members if i['id'] in flagged):>17}{changed:>16}"
        print(row)
    print()
    print(f"{'tool':<10}{'TP':>7}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>9}{'exact':>8}{'clean changed':>15}")
    for name in names:
        flagged, repaired = tools[name]
        tp = [i for i in items if i["label"] == "mojibake" and i["id"] in flagged]
        fp = sum(1 for i in items if i["label"] == "clean" and i["id"] in flagged)
        fn = sum(1 for i in items if i["label"] == "mojibake" and i["id"] not in flagged)
        exact = sum(1 for i in tp if repaired.get(i["id"]) == wanted(i))
        changed = sum(1 for i in items if i["label"] == "clean" and repaired.get(i["id"], i["text"]) != i["text"])
        precision = len(tp) / (len(tp) + fp) if tp or fp else 0.0
        recall = len(tp) / (len(tp) + fn) if tp or fn else 0.0
        exact_rate = exact / len(tp) if tp else 0.0
        print(f"{name:<10}{len(tp):>7}{fp:>6}{fn:>6}{precision:>11.4f}{recall:>9.4f}{exact_rate:>8.3f}{changed:>15}")
        overall[name] = (precision, recall, exact_rate, changed, worst_recall[name])
    return overall


ASCII_POST = FRONT_MATTER + ("Plain prose about the release, with a [link](other.md) and `code`; nothing "
                             "but ASCII in any line of it, repeated to make a post of a few kilobytes.\n\n") * 30
MULTILINGUAL_POST = FRONT_MATTER + ("Café crème, Straße, Česko, Šiauliai, İzmir, ąžuolas, Ελληνικά, Привет, "
                                    "مرحبا, שלום, ภาษาไทย, नमस्ते, “quotes” — and 😀 emoji.\n\n") * 30


def only_mojibake(binary, folder):
    """A configuration in `folder` that turns every rule but `mojibake` off."""
    rules = subprocess.run([str(binary), "rules"], capture_output=True, text=True, check=True)
    # Rules of the `custom` category (the suppression comments' own findings) are not configurable.
    rows = [line.split() for line in rules.stdout.splitlines()[1:] if line.strip()]
    ids = [row[0] for row in rows if len(row) > 1 and row[1] != "custom"]
    Path(folder, ".postlint.yml").write_text("rules:\n" + "".join(f"  {rule}: off\n" for rule in ids if rule != "mojibake"))


def time_check(binary, post, copies=2000, runs=7):
    """Median CPU time of `postlint check` over `copies` copies of `post`, with only the
    mojibake rule on (start-up, reading and the body scan are the rest)."""
    with tempfile.TemporaryDirectory() as folder:
        only_mojibake(binary, folder)
        for index in range(copies):
            Path(folder, f"p{index:05d}.md").write_text(post, encoding="utf-8")
        times = []
        for _ in range(runs + 1):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([str(binary), "check", "--format", "json", "."], cwd=folder, capture_output=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            # CPU time (user and system) rather than wall time: steadier on a shared machine.
            times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        return statistics.median(times[1:])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use the binary already built")
    parser.add_argument("--scratch-path", default=".build-release", help="SwiftPM scratch path of the release build")
    parser.add_argument("--split", default="held-out", choices=["held-out", "tune", "all"])
    parser.add_argument("--baseline-binary", help="an older postlint to time beside this one")
    parser.add_argument("--no-speed", action="store_true", help="skip the timing")
    parser.add_argument("--binary", help="the postlint to measure (default: the release build)")
    parser.add_argument("--show", type=int, default=10, help="false alarms and misses to list")
    args = parser.parse_args()

    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "postlint", "--scratch-path", args.scratch_path],
                       cwd=ROOT, check=True, stdout=sys.stderr)
    binary = Path(args.binary).resolve() if args.binary else ROOT / args.scratch_path / "release" / "postlint"
    items = [i for i in load() if args.split == "all" or i["split"] == args.split]
    clean = sum(1 for i in items if i["label"] == "clean")
    print(f"corpus ({args.split}): {len(items)} items, {clean} clean, {len(items) - clean} damaged\n")

    tools = {"postlint": run_postlint(items, binary), "ftfy": run_ftfy(items)}
    overall = table(items, tools)

    flagged, repaired = tools["postlint"]
    misses = [i for i in items if i["label"] == "mojibake" and i["id"] not in flagged]
    alarms = [i for i in items if i["label"] == "clean" and i["id"] in flagged]
    wrong = [i for i in items if i["id"] in flagged and i["label"] == "mojibake" and repaired.get(i["id"]) != wanted(i)]
    for title, group in (("false alarms", alarms), ("misses", misses), ("inexact repairs", wrong)):
        if group:
            print(f"\npostlint {title} (first {args.show}):")
            for item in group[:args.show]:
                print(f"  {item['id']} [{item['class']}]: {item['text'][:90]!r}")

    if not args.no_speed:
        print()
        for label, post in (("ASCII", ASCII_POST), ("multilingual", MULTILINGUAL_POST)):
            ours = time_check(binary, post)
            line = f"check, 2,000 {label} posts: {ours * 1000:.0f} ms CPU"
            if args.baseline_binary:
                theirs = time_check(args.baseline_binary, post)
                line += f", baseline {theirs * 1000:.0f} ms, ratio {ours / theirs:.2f}"
            print(line)

    precision, recall, exact, changed, worst = overall["postlint"]
    ok = precision >= 0.995 and recall >= 0.97 and worst >= 0.9 and exact >= 0.95 and changed == 0
    print(f"\ntargets (precision >= 0.995, recall >= 0.97 and >= 0.9 per class, exact >= 0.95, "
          f"no clean text changed): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
