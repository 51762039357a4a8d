#!/usr/bin/env python3
"""Times small runs in a big repository: `postlint check --staged` with one post staged, and the
language server's first diagnostics after a post is opened, each without the site facts cache
(`--no-cache`; `initializationOptions` `{"cache": false}`) and with it warm.

Usage: scripts/small-run-benchmark.py POSTLINT REPOSITORY [RUNS]

REPOSITORY is a git repository of posts; it is copied to a temporary folder (the original is
never changed), committed there, one post is changed and staged, and the runs happen in the copy.
The cache goes to a temporary folder (POSTLINT_CACHE_DIR). Prints the median of RUNS (default 5)
wall times per case, and of the CPU time postlint used (on a busy machine, the steadier figure).
"""

import json
import os
import resource
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
    return post


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_check(binary, folder, environment, no_cache):
    """Wall and CPU seconds of one run."""
    arguments = [binary, "check", "--staged", "--format", "json"] + (["--no-cache"] if no_cache else [])
    cpu = children_cpu()
    start = time.perf_counter()
    subprocess.run(arguments, cwd=folder, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, children_cpu() - cpu


def time_first_diagnostics(binary, folder, post, environment, cache):
    """Seconds from didOpen to the first publishDiagnostics for the opened post, and the CPU
    seconds of the whole session (start to exit)."""
    cpu = children_cpu()
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
        server.wait(timeout=30)
        return elapsed, children_cpu() - cpu
    finally:
        if server.poll() is None:
            server.kill()


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with tempfile.TemporaryDirectory(prefix="postlint-small-run-") as temporary:
        scratch = os.path.join(temporary, "repository")
        post = prepare(source, scratch)
        environment = dict(os.environ, POSTLINT_CACHE_DIR=os.path.join(temporary, "cache"))
        cases = {
            "check --staged, no cache": lambda: time_check(binary, scratch, environment, no_cache=True),
            "check --staged, warm cache": lambda: time_check(binary, scratch, environment, no_cache=False),
            "lsp first diagnostics, no cache": lambda: time_first_diagnostics(binary, scratch, post, environment, False),
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
            print(f"{name}: {label}: {wall:.0f} ms wall, {cpu:.0f} ms CPU (medians of {runs})")


if __name__ == "__main__":
    main()
