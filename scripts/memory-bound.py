#!/usr/bin/env python3
"""Measures the peak memory (resident set) of `postlint check` as the number of posts grows and
as the largest post grows, to show memory follows the largest file, not the number of files.

    python3 scripts/memory-bound.py [--binary PATH] [--counts 250,1000,4000] [--sizes 1,10,100]

Prints a table and exits 1 when the peak for the most posts is more than --max-ratio (default 2)
times the peak for the fewest, or when a run fails to end with exit code 0 or 1. Figures belong
here, not in unit tests: they depend on the machine and the build."""

import argparse
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


def measure(binary: str, folder: str) -> tuple[int, float, int]:
    """(exit code, seconds, peak RSS in MB) of `postlint check .` in folder."""
    started = time.monotonic()
    process = subprocess.Popen([binary, "check", ".", "--format", "json"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss // 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "postlint"))
    parser.add_argument("--counts", default="250,1000,4000")
    parser.add_argument("--sizes", default="1,10,100", help="sizes of one big post, in MB")
    parser.add_argument("--max-ratio", type=float, default=2.0)
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        print(f"no binary at {args.binary}: swift build -c release first, or pass --binary", file=sys.stderr)
        return 2
    failed = False
    print(f"{'case':<28}{'exit':>6}{'seconds':>10}{'peak MB':>10}")
    peaks = []
    for count in [int(c) for c in args.counts.split(",")]:
        with tempfile.TemporaryDirectory() as folder:
            for index in range(count):
                sub = pathlib.Path(folder, f"d{index % 50}")
                sub.mkdir(exist_ok=True)
                (sub / f"post-{index}.md").write_text(post(index))
            code, seconds, peak = measure(args.binary, folder)
        peaks.append(peak)
        failed |= code not in (0, 1)
        print(f"{f'{count} posts of 2 KB':<28}{code:>6}{seconds:>10.2f}{peak:>10}")
    for size in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as folder:
            pathlib.Path(folder, "big.md").write_text(post(0, size * 1_000_000))
            code, seconds, peak = measure(args.binary, folder)
        failed |= code not in (0, 1)
        print(f"{f'one post of {size} MB':<28}{code:>6}{seconds:>10.2f}{peak:>10}")
    if peaks and peaks[-1] > args.max_ratio * max(peaks[0], 1):
        print(f"peak memory grew from {peaks[0]} MB to {peaks[-1]} MB with the number of posts", file=sys.stderr)
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
