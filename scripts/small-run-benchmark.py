#!/usr/bin/env python3
"""Times small runs in a big repository: `postlint check --staged` with one post staged, and the
language server's first diagnostics after a post is opened, each without the site facts cache
(`--no-cache`; `initializationOptions` `{"cache": false}`), with it cold (an empty cache folder, which
the run fills) and with it warm.

Usage: scripts/small-run-benchmark.py POSTLINT REPOSITORY [RUNS]
       scripts/small-run-benchmark.py POSTLINT --largest-of [BENCHMARK ARGUMENTS...]

The second form takes scripts/benchmark.py's arguments and times the largest real site among them
(`--real NAME=PATH`, `--real-list FILE`, or a folder), by its number of Markdown files, 3 runs a case;
without one it does nothing.

REPOSITORY is a git repository of posts; it is copied to a temporary folder (the original is
never changed), committed there, one post is changed and staged, and the runs happen in the copy.
The cache goes to a temporary folder (POSTLINT_CACHE_DIR). Prints the median of RUNS (default 5)
wall times per case, of the CPU time postlint used (on a busy machine, the steadier figure), and the
largest peak memory (resident set) of a run.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_message(stream):
    length = None
    while True:
        line = stream.readline()
        if not line:
            raise EOFError("server closed its output")
        if line == b"\r\n":
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value.strip())
    return json.loads(stream.read(length))


def git(folder, *arguments):
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
                    "-c", "commit.gpgsign=false", *arguments], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def prepare(source, scratch):
    """A committed copy of `source` with one post changed and staged; returns that post's path."""
    shutil.copytree(source, scratch, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    git(scratch, "init", "-q", "-b", "main")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-q", "-m", "corpus")
    listed = subprocess.run(["git", "ls-files", "*.md"], cwd=scratch, check=True, capture_output=True, text=True)
    posts = listed.stdout.split("\n")
    post = posts[len(posts) // 2]
    with open(os.path.join(scratch, post), "a", encoding="utf-8") as handle:
        handle.write("\nA staged change.\n")
    git(scratch, "add", post)
    # The files were all written within the second git wrote its index, so git cannot trust their
    # times and would read every one again to tell whether it changed (`git diff-files`, which a
    # run without the cache asks): settle the index as it is in a repository worked in, whose
    # files are older than it. Past two seconds, postlint also trusts the folders' and files'
    # times for its site snapshot (docs/cache.md), as in a repository worked in.
    time.sleep(2.1)
    git(scratch, "update-index", "-q", "--refresh")
    return post


def waited(process, timeout=60):
    """CPU seconds and peak resident memory (MB) of a child once it ends, from its own rusage."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
        if time.monotonic() > deadline:
            raise TimeoutError("postlint did not exit")
        time.sleep(0.002)


def time_check(binary, folder, environment, no_cache):
    """Wall and CPU seconds and peak memory (MB) of one run."""
    arguments = [binary, "check", "--staged", "--format", "json"] + (["--no-cache"] if no_cache else [])
    start = time.perf_counter()
    process = subprocess.Popen(arguments, cwd=folder, env=environment, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    cpu, peak = waited(process)
    return time.perf_counter() - start, cpu, peak


def cold(case, environment):
    """`case` run with an empty cache folder of its own (the run fills it)."""
    def run():
        with tempfile.TemporaryDirectory(prefix="postlint-cold-cache-") as folder:
            return case(dict(environment, POSTLINT_CACHE_DIR=folder))
    return run


def time_first_diagnostics(binary, folder, post, environment, cache):
    """Seconds from didOpen to the first publishDiagnostics for the opened post, and the CPU
    seconds and peak memory (MB) of the whole session (start to exit)."""
    server = subprocess.Popen([binary, "lsp"], cwd=folder, env=environment, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    root = "file://" + folder
    uri = "file://" + os.path.join(folder, post)
    with open(os.path.join(folder, post), encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    try:
        server.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": None, "rootUri": root, "capabilities": {},
            "initializationOptions": {"cache": cache}}}))
        server.stdin.flush()
        while read_message(server.stdout).get("id") != 1:
            pass
        server.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        start = time.perf_counter()
        server.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}}))
        server.stdin.flush()
        while True:
            message = read_message(server.stdout)
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                elapsed = time.perf_counter() - start
                break
        server.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        server.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
        server.stdin.flush()
        cpu, peak = waited(server)
        return elapsed, cpu, peak
    finally:
        if server.poll() is None:
            server.kill()


def named_folders(arguments):
    """The folders benchmark.py's arguments name: --real NAME=PATH, --real-list FILE's lines, folders."""
    entries, folders = [], []
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        value = arguments[index + 1] if index + 1 < len(arguments) else ""
        if argument in ("--real", "--real-list"):
            index += 1
        elif argument.startswith(("--real=", "--real-list=")):
            argument, _, value = argument.partition("=")
        elif os.path.isdir(argument):
            folders.append(argument)
        if argument == "--real":
            entries.append(value)
        elif argument == "--real-list" and os.path.isfile(value):
            with open(value, encoding="utf-8") as handle:
                entries += [line.split("#", 1)[0].strip() for line in handle if line.split("#", 1)[0].strip()]
        index += 1
    folders += [entry.partition("=")[2] for entry in entries if "=" in entry]
    return [os.path.abspath(os.path.expanduser(folder)) for folder in folders if os.path.isdir(os.path.expanduser(folder))]


def markdown_count(folder):
    return sum(1 for _, _, names in os.walk(folder) for name in names if name.endswith(".md"))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    if sys.argv[2] == "--largest-of":
        folders = named_folders(sys.argv[3:])
        if not folders:
            return
        source = max(folders, key=markdown_count)
        runs = 3
    else:
        source = os.path.abspath(sys.argv[2])
        runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with tempfile.TemporaryDirectory(prefix="postlint-small-run-") as temporary:
        scratch = os.path.join(temporary, "repository")
        post = prepare(source, scratch)
        environment = dict(os.environ, POSTLINT_CACHE_DIR=os.path.join(temporary, "cache"))
        cases = {
            "check --staged, no cache": lambda: time_check(binary, scratch, environment, no_cache=True),
            "check --staged, cold cache": cold(lambda env: time_check(binary, scratch, env, no_cache=False), environment),
            "check --staged, warm cache": lambda: time_check(binary, scratch, environment, no_cache=False),
            "lsp first diagnostics, no cache": lambda: time_first_diagnostics(binary, scratch, post, environment, False),
            "lsp first diagnostics, cold cache":
                cold(lambda env: time_first_diagnostics(binary, scratch, post, env, True), environment),
            "lsp first diagnostics, warm cache": lambda: time_first_diagnostics(binary, scratch, post, environment, True),
        }
        # One run of each fills the cache (and the page cache) before anything is timed.
        for case in cases.values():
            case()
        name = os.path.basename(source.rstrip("/"))
        for label, case in cases.items():
            results = [case() for _ in range(runs)]
            wall = statistics.median(result[0] for result in results) * 1000
            cpu = statistics.median(result[1] for result in results) * 1000
            peak = max(result[2] for result in results)
            print(f"{name}: {label}: {wall:.0f} ms wall, {cpu:.0f} ms CPU (medians of {runs}), peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
