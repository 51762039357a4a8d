#!/usr/bin/env python3
"""Asks git (`git check-ignore`) which paths each .gitignore below ignores, and prints the answers
as the Swift table of Tests/PostlintEngineTests/IgnoreFileTests.swift, so the table is what git
says, not what postlint says.

Run: python3 scripts/gitignore-cases.py
"""
import os, subprocess, tempfile, shutil, json, sys

cases = [
    ("drafts", ["drafts/a.md", "posts/drafts/b.md", "drafts.md", "posts/drafts.md"]),
    ("/drafts", ["drafts/a.md", "posts/drafts/b.md"]),
    ("drafts/", ["drafts/a.md", "drafts.md", "posts/drafts/b.md"]),
    ("*.draft.md", ["a.draft.md", "x/y/b.draft.md", "a.md"]),
    ("posts/*.md", ["posts/a.md", "posts/x/a.md", "a/posts/a.md"]),
    ("posts/**/*.md", ["posts/a.md", "posts/x/y/a.md", "b/posts/a.md"]),
    ("**/build", ["build/a.md", "x/build/a.md", "x/builds/a.md"]),
    ("**/build/*.md", ["build/a.md", "x/y/build/a.md", "build/z/a.md"]),
    ("docs/**", ["docs/a.md", "docs/x/a.md", "a/docs/b.md"]),
    ("a/**/b.md", ["a/b.md", "a/x/b.md", "a/x/y/b.md", "x/a/b.md"]),
    ("*.md\n!keep.md", ["a.md", "keep.md", "x/keep.md"]),
    ("drafts/\n!drafts/keep.md", ["drafts/keep.md", "drafts/other.md"]),
    ("drafts/*\n!drafts/keep.md", ["drafts/keep.md", "drafts/other.md", "drafts/sub/c.md"]),
    ("/*\n!/posts/", ["a.md", "posts/a.md", "other/a.md"]),
    ("# comment\n\\#hash.md", ["#hash.md", "comment"]),
    ("\\!bang.md", ["!bang.md", "bang.md"]),
    ("a?.md", ["ab.md", "a.md", "abc.md"]),
    ("[ab]*.md", ["a1.md", "b.md", "c.md"]),
    ("[!ab]*.md", ["a1.md", "c.md"]),
    ("x[a-c].md", ["xb.md", "xd.md"]),
    ("{a,b}.md", ["{a,b}.md", "a.md"]),
    ("trailing.md   ", ["trailing.md"]),
    ("space\\ .md", ["space .md", "space.md"]),
    ("foo**bar.md", ["fooxbar.md", "foo/xbar.md", "foobar.md"]),
    ("*", ["a.md", "x/b.md"]),
    ("sub/", ["sub/a.md", "x/sub/b.md"]),
    ("x/sub/", ["x/sub/a.md", "sub/a.md", "y/x/sub/a.md"]),
    ("*.MD", ["a.md", "a.MD"]),
    ("posts/a.md", ["posts/a.md", "x/posts/a.md"]),
    ("\\*.md", ["*.md", "a.md"]),
    ("a/b/\n!a/b/c.md", ["a/b/c.md", "a/x.md"]),
    ("**", ["a.md", "x/y.md"]),
    ("x/**/", ["x/a.md", "x/y/a.md"]),
    ("née.md", ["née.md", "nee.md"]),
]

def run(cwd, *args):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)

out = []
for pattern, paths in cases:
    d = tempfile.mkdtemp()
    try:
        run(d, "init", "-q")
        with open(os.path.join(d, ".gitignore"), "w") as f: f.write(pattern + "\n")
        for p in paths:
            full = os.path.join(d, p)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            open(full, "w").close()
        for p in paths:
            r = run(d, "check-ignore", "-q", p)
            out.append((pattern, p, r.returncode == 0))
    finally:
        shutil.rmtree(d)

def swift(s):
    return json.dumps(s, ensure_ascii=False)
for pattern, p, ignored in out:
    print(f"        ({swift(pattern)}, {swift(p)}, {'true' if ignored else 'false'}),")
