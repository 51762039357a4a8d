#!/usr/bin/env python3
"""Measures the peak memory (resident set) of `postlint check` as the number of posts grows and
as the largest post grows, to show memory follows the largest file, not the number of files.

    python3 scripts/memory-bound.py [--binary PATH] [--counts 250,1000,4000] [--sizes 1,10,100]
                                    [--shapes 20] [--audit-posts 20000] [--findings 100000]

Prints a table and exits 1 when the peak for the most posts is more than --max-ratio (default 2)
times the peak for the fewest, when a hostile shape's peak is more than --max-factor (default 20)
times its file, or when a run fails to end with exit code 0 or 1. Figures belong here, not in unit
tests: they depend on the machine and the build.

--shapes SIZES (in MB) writes one post of each hostile shape at each size and prints its peak and
the factor peak / file size: nested brackets (`[` after `[`), reference definitions, TOML dotted
keys in front matter, and a plain post. --audit-posts N runs `postlint audit` on a corpus of N
posts from scripts/generate-corpus.py (and on a tenth of it), to show the audit keeps small facts
per post. Either is skipped when 0.

--findings N writes posts that lack their front matter fields until they make about N findings
(`required-fields`, several a post), and the same posts with their fields (no findings), runs
`postlint check --format json` on both, and prints the findings' share of the time and of the
peak memory; it fails when the peak with the findings is more than --max-findings-growth MB
(default 16) above the peak without them: memory must not grow with the number of findings."""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def post(index: int, body_bytes: int = 2_000) -> str:
    head = (f"---\ntitle: Post number {index}\nslug: post-{index}\n"
            f"excerpt: A generated post for the memory measurement, number {index}, long enough.\n"
            f"keywords: [post]\n---\n")
    paragraph = f"Post {index} says something about post {index} in plain words. "
    body = (paragraph * (body_bytes // len(paragraph) + 1))[:body_bytes]
    return head + body + "\n"


FRONT_MATTER = (b"---\ntitle: A hostile shape\nslug: a-hostile-shape\nexcerpt: A generated post of one "
                b"hostile shape for the memory measurement, long enough.\nkeywords: [shape]\n---\n")


def bare_post(index: int) -> str:
    """`post(index)` with a title only: `required-fields` reports its slug, excerpt and keywords."""
    text = post(index)
    body = text.split("---\n", 2)[2]
    return f"---\ntitle: Post number {index}\n---\n" + body


def findings_in(report: bytes) -> int:
    """The number of findings in a JSON report."""
    try:
        return len(json.loads(report).get("diagnostics", []))
    except (ValueError, AttributeError):
        return -1


def shape(name: str, size: int) -> bytes:
    """A post of about `size` bytes of the named hostile shape."""
    if name == "nested brackets":
        return FRONT_MATTER + b"[" * size + b"\n"
    if name == "reference definitions":
        lines, index, total = [], 0, 0
        while total < size:
            line = b"[d%d]: /p/%d\n" % (index, index)
            lines.append(line)
            total += len(line)
            index += 1
        return FRONT_MATTER + b"".join(lines) + b"[d1] and [d2]\n"
    if name == "TOML dotted keys":
        lines, index, total = [b"+++\ntitle = 'TOML keys'\n"], 0, 0
        while total < size:
            line = b"k%d.a.b.c.d = %d\n" % (index, index)
            lines.append(line)
            total += len(line)
            index += 1
        return b"".join(lines) + b"+++\nBody.\n"
    return post(0, size).encode()


SHAPES = ["nested brackets", "reference definitions", "TOML dotted keys", "plain post"]


TIME = "/usr/bin/time"


def measure(binary: str, folder: str, command: str = "check") -> tuple[int, float, int]:
    """(exit code, seconds, peak RSS in MB) of `postlint check .` (or `audit .`) in folder.

    The peak is read by /usr/bin/time (GNU time) when it is there: a child forked from this
    script would count the script's own pages, held before it runs postlint, as its peak."""
    started = time.monotonic()
    arguments = [binary, command, ".", "--format", "json"]
    if os.access(TIME, os.X_OK):
        with tempfile.NamedTemporaryFile("r") as report:
            process = subprocess.run([TIME, "-f", "%M %x", "-o", report.name] + arguments, cwd=folder,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            seconds = time.monotonic() - started
            fields = report.read().split()
        if len(fields) >= 2 and fields[-2].isdigit():
            return int(fields[-1]), seconds, int(fields[-2]) // 1024
        return process.returncode, seconds, 0
    process = subprocess.Popen(arguments, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss // 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "postlint"))
    parser.add_argument("--counts", default="250,1000,4000")
    parser.add_argument("--sizes", default="1,10,100", help="sizes of one big post, in MB")
    parser.add_argument("--max-ratio", type=float, default=2.0)
    parser.add_argument("--shapes", default="", help="sizes of one post of each hostile shape, in MB")
    parser.add_argument("--max-factor", type=float, default=20.0)
    parser.add_argument("--audit-posts", type=int, default=0)
    parser.add_argument("--findings", type=int, default=0, help="about this many findings (e.g. 100000)")
    parser.add_argument("--max-findings-growth", type=float, default=16.0, help="MB")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        print(f"no binary at {args.binary}: swift build -c release first, or pass --binary", file=sys.stderr)
        return 2
    failed = False
    print(f"{'case':<28}{'exit':>6}{'seconds':>10}{'peak MB':>10}")
    peaks = []
    for count in [int(c) for c in args.counts.split(",") if c]:
        with tempfile.TemporaryDirectory() as folder:
            for index in range(count):
                sub = pathlib.Path(folder, f"d{index % 50}")
                sub.mkdir(exist_ok=True)
                (sub / f"post-{index}.md").write_text(post(index))
            code, seconds, peak = measure(args.binary, folder)
        peaks.append(peak)
        failed |= code not in (0, 1)
        print(f"{f'{count} posts of 2 KB':<28}{code:>6}{seconds:>10.2f}{peak:>10}")
    for size in [int(s) for s in args.sizes.split(",") if s]:
        with tempfile.TemporaryDirectory() as folder:
            pathlib.Path(folder, "big.md").write_text(post(0, size * 1_000_000))
            code, seconds, peak = measure(args.binary, folder)
        failed |= code not in (0, 1)
        print(f"{f'one post of {size} MB':<28}{code:>6}{seconds:>10.2f}{peak:>10}")
    for size in [int(s) for s in args.shapes.split(",") if s]:
        for name in SHAPES:
            with tempfile.TemporaryDirectory() as folder:
                data = shape(name, size * 1_000_000)
                length = len(data)
                pathlib.Path(folder, "shape.md").write_bytes(data)
                del data
                code, seconds, peak = measure(args.binary, folder)
            factor = peak / (length / 1_000_000)
            failed |= code not in (0, 1) or factor > args.max_factor
            print(f"{f'{name}, {size} MB':<28}{code:>6}{seconds:>10.2f}{peak:>10}   {factor:.1f}x the file")
    if args.audit_posts:
        for count in [max(1, args.audit_posts // 10), args.audit_posts]:
            with tempfile.TemporaryDirectory() as folder:
                subprocess.run([sys.executable, str(ROOT / "scripts" / "generate-corpus.py"), folder, str(count)],
                               check=True, stdout=subprocess.DEVNULL)
                code, seconds, peak = measure(args.binary, folder, "audit")
            failed |= code not in (0, 1)
            print(f"{f'audit, {count} posts':<28}{code:>6}{seconds:>10.2f}{peak:>10}")
    if args.findings:
        # Three findings a post (slug, excerpt, keywords), in folders of 500 as sites have them.
        count = max(1, args.findings // 3)
        rows = {}
        for label, write in (("without findings", post), ("with findings", bare_post)):
            with tempfile.TemporaryDirectory() as folder:
                for index in range(count):
                    sub = pathlib.Path(folder, f"d{index // 500}")
                    sub.mkdir(exist_ok=True)
                    (sub / f"post-{index}.md").write_text(write(index))
                found = findings_in(subprocess.run([args.binary, "check", ".", "--format", "json"], cwd=folder,
                                                   capture_output=True).stdout)
                runs = [measure(args.binary, folder) for _ in range(3)]
            code = runs[-1][0]
            seconds = sorted(run[1] for run in runs)[1]
            peak = max(run[2] for run in runs)
            rows[label] = (seconds, peak)
            failed |= code not in (0, 1)
            print(f"{f'{count} posts, {label}':<28}{code:>6}{seconds:>10.2f}{peak:>10}   {found} findings")
        (plain_seconds, plain_peak), (seconds, peak) = rows["without findings"], rows["with findings"]
        share = (seconds - plain_seconds) / max(seconds, 1e-9)
        print(f"findings' share of the run: {share:.0%} of the time, {peak - plain_peak} MB of the peak")
        if peak - plain_peak > args.max_findings_growth:
            print(f"the findings added {peak - plain_peak} MB to the peak (at most {args.max_findings_growth:.0f})",
                  file=sys.stderr)
            failed = True
    if peaks and peaks[-1] > args.max_ratio * max(peaks[0], 1):
        print(f"peak memory grew from {peaks[0]} MB to {peaks[-1]} MB with the number of posts", file=sys.stderr)
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
