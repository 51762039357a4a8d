#!/usr/bin/env python3
"""Writes small seed inputs for the fuzz targets (scripts/fuzz.sh): one folder per target below
the folder given. Seeds come from the committed fixtures and rule packs and from hand-made
hostile shapes (deep nesting, aliases, other encodings, framing errors). Deterministic."""

import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def front_matter_of(text: bytes) -> bytes | None:
    lines = text.split(b"\n")
    if not lines or lines[0].strip() not in (b"---", b"+++"):
        return None
    fence = lines[0].strip()
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == fence:
            return b"\n".join(lines[1:index]) + b"\n"
    return None


def framed(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    posts = [p.read_bytes() for p in sorted((ROOT / "fixtures").rglob("*.md"))]
    packs = [p.read_bytes() for p in sorted((ROOT / "rules").rglob("*.yml"))]
    yaml = [fm for fm in map(front_matter_of, posts) if fm]

    hostile_yaml = [
        b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c, *c]\n",
        b"k: " + b"[" * 64 + b"]" * 64 + b"\n",
        b"k: " + b"{a: " * 32 + b"1" + b"}" * 32 + b"\n",
        b"- " * 40 + b"x\n",
        b"title: \"unterminated\nslug: x\n",
        b"? complex\n: key\n!!binary b: aGVsbG8=\nt: !custom 1\n",
        b"a: 1\na: 2\n%YAML 1.2\n---\nb: |\n  block\n  text\n",
        b"date: 2024-02-30T25:61:00Z\nn: 0x1F\nf: .inf\nnull: ~\n",
    ]
    toml = [
        b'title = "Post"\nslug = "post"\nkeywords = ["a", "b"]\ndate = 2024-01-02T03:04:05Z\n',
        b"[params]\nx = 1\n[[items]]\nname = 'a'\n[[items]]\nname = 'b'\n",
        b'a = { b = { c = { d = [1, [2, [3]]] } } }\nmulti = """\nline\n"""\n',
        b"a = 1\na = 2\n[t]\n[t]\n",
        b"k = " + b"[" * 40 + b"]" * 40 + b"\n",
        b"x = 1979-05-27T07:32:00.999999-07:00\ny = 0o755\nz = 1e400\nw = nan\n",
        # Dotted keys and table headers near and past the nesting limit (128 levels in all).
        b"[" + b"a." * 200 + b"b]\nk = 1\n",
        b"[" + b".".join([b"t"] * 127) + b"]\nk = 1\nk2.x = 2\n",
        b"a." * 127 + b"b = 1\n",
        b"site . 'quoted.part' . \"x.y\" . z = 1\n[[menu . main]]\n[ a . b . 'c' ]\nd.e.f = { g.h = [ { i.j = 1 } ] }\n",
        b"[" + b"a." * 60 + b"b]\n" + b"c." * 60 + b"d = { e.f = [[1]] }\n",
        b"a.b = 1\na.b.c = 2\n[a]\nb.d = 3\n",
    ]
    markdown = [
        b"[" * 300 + b"x" + b"]" * 300 + b"(y)\n",
        b"*" * 200 + b"text" + b"_" * 200 + b"\n",
        b"".join(b"  " * i + b"- item\n" for i in range(60)),
        b"> " * 100 + b"quote\n",
        b"```\ncode\n````\n~~~ unclosed\n",
        b"![alt](<dest with spaces> \"title\") [ref][] [ref]: /x 'y'\n",
        b"<img src=\"a.png\" srcset=\"a.png 1x, b.png 2x\"><a href='x'>y</a><!-- c -->\n",
        b"Setext\n===\n# ATX #\n    indented code\n\n1. one\n2) two\n",
        b"`` code ` span `` \\* escaped \\[ &amp; &#x41; &bogus;\n",
        b"line\x00with NUL\r\nCR\rline\n\xff\xfe invalid \xc3\x28\n",
    ]
    encodings = [
        "Caf\u00e9 na\u00efve".encode("utf-8"),
        "Caf\u00e9".encode("utf-8").decode("latin-1").encode("utf-8"),
        "\u00e2\u20ac\u2122 \u00c3\u00a9".encode("utf-8"),
        "\ufeffBOM text".encode("utf-8"),
        "UTF-16 text".encode("utf-16"),
        "UTF-16 text".encode("utf-16-be"),
        "UTF-32".encode("utf-32"),
        b"\x00a\x00b\x00c\x00d\x00e\x00f",
        "zero\u200bwidth \u202eRTL\u00a0nbsp".encode("utf-8"),
        b"\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80",
    ]
    configs = [
        b"rules:\n  front-matter/slug-format: error\n",
        b"include: ['**/*.md']\nexclude: [drafts/**]\nfields:\n  title: name\n",
        b"packs: [missing-pack]\nsite-roots: [public]\n",
        b"rules:\n  front-matter/excerpt-length:\n    severity: warning\n    min: 10\n",
        b"overrides:\n  - files: ['a/**']\n    rules:\n      front-matter/slug-format: off\n",
        b"include: .postlint.yml\n",
    ]
    lsp = [
        framed(b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'),
        framed(b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":'
               b'{"uri":"file:///a.md","text":"---\\ntitle: x\\n---\\n"}}}')
        + framed(b'{"jsonrpc":"2.0","id":2,"method":"shutdown"}'),
        b"Content-Length: 99999999999999999999\r\n\r\n{}",
        b"Content-Type: x\r\nContent-Length: 2\r\n\r\n{}Content-Length: -1\r\n\r\n",
        b"garbage\r\n\r\nContent-Length: 4\r\n\r\nnull",
        framed(b"[" * 100 + b"]" * 100) + framed(b'"\\ud800\\u0041"'),
    ]

    def mixed_documents() -> list[bytes]:
        docs = list(posts)
        docs += [b"---\n" + y + b"---\n\nBody.\n" for y in hostile_yaml]
        docs += [b"+++\n" + t + b"+++\n\nBody.\n" for t in toml]
        docs += [b"---\ntitle: x\n---\n" + m for m in markdown]
        docs += encodings
        return docs

    seeds = {
        "FuzzDocumentLoader": mixed_documents(),
        "FuzzYAML": yaml + hostile_yaml + configs + packs,
        "FuzzTOML": toml,
        "FuzzMarkdown": posts + markdown,
        "FuzzEncoding": encodings + posts,
        "FuzzConfiguration": configs + hostile_yaml,
        "FuzzRulePack": packs + hostile_yaml,
        # The first byte sets the chunk size the framer is fed in.
        "FuzzLSPFraming": [bytes([n]) + s for n, s in zip(range(1, 64, 7), lsp)],
    }
    for target, inputs in seeds.items():
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        for index, data in enumerate(inputs):
            (folder / f"seed-{index:03d}").write_bytes(data)
        print(f"{target}: {len(inputs)} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
