"""Measures how long `postlint lsp` takes from a change to its diagnostics.

Not a test (nothing here is asserted): run `python3 Tests/lsp-e2e/latency.py path/to/postlint` and
read the figures. It builds a site of POSTS posts (environment variable, default 300; CONFIG
may hold a .postlint.yml for it) in a temporary folder (so the duplicate-slug facts
of the other posts are in play), opens a 5 KB post, then sends one full-text change at a time and
times the arrival of the diagnostics for that version.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

POSTS = int(os.environ.get("POSTS", "300"))
CHANGES = 200


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


def post(index, slug):
    paragraph = (
        "Brewing green tea well is mostly a matter of temperature and time; the leaves "
        "turn bitter when the water is too hot, and 🍵 flat when it is too cool. "
    )
    body = ""
    while len(body.encode()) < 4800:
        body += paragraph + "\n\n"
    return (
        "---\n"
        f"title: Notes on tea number {index}\n"
        f"slug: {slug}\n"
        f"excerpt: How long to steep green tea and at which temperature, with notes from try {index}.\n"
        "keywords: [tea]\n"
        "---\n" + body
    )


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "postlint"
    if os.sep in binary:
        binary = os.path.abspath(binary)  # the server runs in the site's folder
    site = tempfile.mkdtemp(prefix="postlint-latency-")
    for index in range(POSTS):
        with open(os.path.join(site, f"post-{index}.md"), "w", encoding="utf-8") as handle:
            handle.write(post(index, f"tea-notes-{index}"))
    if os.environ.get("CONFIG"):  # e.g. CONFIG=$'rules:\n  orphan-post: off\n'
        with open(os.path.join(site, ".postlint.yml"), "w", encoding="utf-8") as handle:
            handle.write(os.environ["CONFIG"])
    target = os.path.join(site, "post-0.md")
    uri = "file://" + target
    server = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=site)

    def send(message):
        server.stdin.write(frame(message))
        server.stdin.flush()

    def wait_for_version(version):
        while True:
            message = read_message(server.stdout)
            params = message.get("params") or {}
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("version") == version:
                return params["diagnostics"]

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"processId": os.getpid(), "rootUri": "file://" + site, "capabilities": {}}})
    read_message(server.stdout)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    text = post(0, "tea-notes-0")
    started = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    wait_for_version(1)
    first = (time.perf_counter() - started) * 1000

    timings = []
    for version in range(2, CHANGES + 2):
        # Alternate a clean slug and one that another post uses, so the site rule has work to do.
        slug = "tea-notes-7" if version % 2 else "tea-notes-0"
        changed = post(0, slug) + f"\nEdit {version}.\n"
        started = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": changed}]}})
        diagnostics = wait_for_version(version)
        timings.append((time.perf_counter() - started) * 1000)
        codes = {d.get("code") for d in diagnostics}
        if ("duplicate-slug" in codes) != bool(version % 2):
            print(f"unexpected diagnostics for version {version}: {sorted(codes)}", file=sys.stderr)

    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(timeout=10)
    timings.sort()
    print(f"post size: {len(text.encode())} bytes; site: {POSTS} posts")
    print(f"first diagnostics (includes reading the site's facts): {first:.1f} ms")
    print(f"change -> diagnostics over {CHANGES} changes: median {statistics.median(timings):.1f} ms, "
          f"p95 {timings[int(len(timings) * 0.95) - 1]:.1f} ms, max {timings[-1]:.1f} ms")


if __name__ == "__main__":
    main()
