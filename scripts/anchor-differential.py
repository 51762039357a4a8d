#!/usr/bin/env python3
"""Anchor differential: postlint's heading and footnote ids against the generators' own.

Generates small Markdown posts from a fixed pool of headings (punctuation, Unicode, emoji, digits,
inline markup, entities, HTML, repeats, explicit `{#id}` attributes, setext headings, footnotes),
renders them with the real generators, reads every `id="..."` from the HTML and compares each
post's set of ids with what `postlint dump-anchors --anchor-style STYLE` says:

  goldmark, github-ascii, blackfriday   hugo (one site per autoHeadingIDType)
  kramdown-gfm, kramdown                jekyll (its defaults; and `kramdown: input: kramdown`)
  pandoc, pandoc-gfm                    pandoc -f markdown / -f gfm

A generator that is not installed is skipped. Prints, per style, how many posts agree exactly and
how many ids postlint lacks or adds; with --show, the posts that differ.

usage: anchor-differential.py [--postlint PATH] [--posts N] [--seed N] [--show N] [--keep DIR] [--styles A,B]
"""
import argparse
import html
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

HEADINGS = [
    "Hello World", "Hello World", "Hello World-1", "hello-world", "1. Getting Started!", "2024 Roadmap",
    "Foo *bar* `baz`", "See [the docs](http://example.com/x)", "Tom &amp; Jerry's", "<span>Inline</span> HTML",
    "Café Ünïcödé naïve", "日本語の見出し", "Emoji 🎉 party", "-- dashes --", "a---b", "???", "x² and ½",
    "snake_case and CamelCase", "Привет мир", "हिन्दी", "Ελληνικά κείμενα", "Ölçüm İstanbul", "Straße",
    "What's new in v1.2.3?", "C++ & C#", "Q&A: why/how", "Multiple   spaces", "Closing sequence ###",
    "Quotes \"double\" and 'single'", "Ellipsis... here", "Arrow -> and <<quotes>>", "100%", "$HOME and ~user",
    "Ⓐ circled", "ﬁ ligature", "__init__", "Custom {#custom-id}", "Classes {.red}", "Both {#both-id .cls}",
    "Kramdown {#kd_id}", "中文 and English", "Ünïcode_Ünderscore", "A - B", "émoji ✨ sparkle ✨",
    "Version 2.0 -- released", "Non\u00a0breaking", "¿Qué tal?", "Ligne «française»", "Zero-width\u200bspace",
]
# Pieces that generated headings are made of, joined by one or more blanks or by nothing.
PIECES = [
    "alpha", "Beta", "GAMMA", "42", "3rd", "v2.0", "_under_", "-", "--", "---", "...", "&", "&amp;", "&copy;",
    "&#42;", "!", "?", ".", ",", ":", ";", "'", "\"", "(x)", "[y]", "{z}", "/", "\\*", "+", "=", "@", "%", "~",
    "`code`", "`a b`", "*em*", "**strong**", "_em_", "[link](http://example.com/a_b)", "<b>bold</b>",
    "<br>", "é", "Ñandú", "ĳ", "Σίσυφος", "Ярослав", "東京", "한국어", "עברית", "العربية", "ไทย", "देवनागरी",
    "🎉", "👍🏽", "❤️", "™", "©", "½", "²", "Ⅻ", "٣", " ", " ", "’", "“quoted”", "«", "»", "–", "—",
]
PARAGRAPHS = [
    "Some text.", "A paragraph with a note[^n1] in it.", "Another note[^second] and the first again[^n1].",
    "Plain words here.",
]


def make_post(rng):
    lines = []
    used_notes = set()
    for _ in range(rng.randint(2, 6)):
        generated = rng.random() < 0.5
        if not generated:
            text = rng.choice(HEADINGS)
        else:
            text = ""
            for _ in range(rng.randint(1, 5)):
                text += rng.choice(PIECES) + rng.choice(["", " ", " ", "  "])
            text = text.strip() or "empty"
        # Setext only where CommonMark, kramdown and Pandoc agree it is a heading (`1. Title` or
        # `- x` over `===` is a list item to CommonMark, `: x` a definition to Pandoc).
        if rng.random() < 0.15 and not generated and "{" not in text and "#" not in text and not re.match(r"\d+\.", text):
            lines += [text, "=" * max(3, len(text)) if rng.random() < 0.5 else "-" * max(3, len(text)), ""]
        else:
            lines += ["#" * rng.randint(1, 4) + " " + text, ""]
        if rng.random() < 0.4:
            paragraph = rng.choice(PARAGRAPHS)
            used_notes.update(re.findall(r"\[\^([^\]]+)\]", paragraph))
            lines += [paragraph, ""]
    for note in sorted(used_notes):
        lines += ["[^%s]: The note %s." % (note, note), ""]
    return "\n".join(lines)


ID = re.compile(r'\sid="([^"]*)"')


def ids_in(html_text):
    return {html.unescape(value) for value in ID.findall(html_text) if value}


def run(command, cwd=None):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True).stdout


def postlint_ids(postlint, style, paths):
    out = run([postlint, "dump-anchors", "--anchor-style", style] + paths)
    result, current = {}, None
    for line in out.splitlines():
        if line.startswith("# "):
            if line == "# incomplete":
                continue
            current = line[2:]
            result[current] = set()
        elif current is not None:
            result[current].add(line)
    return result


def hugo_ids(work, posts, id_type):
    site = os.path.join(work, "hugo-" + id_type)
    os.makedirs(os.path.join(site, "content"), exist_ok=True)
    os.makedirs(os.path.join(site, "layouts", "_default"), exist_ok=True)
    with open(os.path.join(site, "hugo.toml"), "w") as f:
        f.write('baseURL = "http://example.org/"\n'
                'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "404"]\n'
                '[markup.goldmark.parser]\nautoHeadingIDType = "%s"\n' % id_type)
    with open(os.path.join(site, "layouts", "_default", "single.html"), "w") as f:
        f.write("{{ .Content }}")
    for index, text in enumerate(posts):
        with open(os.path.join(site, "content", "p%d.md" % index), "w") as f:
            f.write("---\ntitle: p%d\n---\n%s" % (index, text))
    run(["hugo", "--quiet", "--source", site])
    result = []
    for index in range(len(posts)):
        with open(os.path.join(site, "public", "p%d" % index, "index.html")) as f:
            result.append(ids_in(f.read()))
    return result


def jekyll_ids(work, posts, markdown_input):
    site = os.path.join(work, "jekyll-" + markdown_input)
    os.makedirs(site, exist_ok=True)
    with open(os.path.join(site, "_config.yml"), "w") as f:
        f.write("kramdown:\n  input: %s\n" % markdown_input if markdown_input != "GFM" else "{}\n")
    for index, text in enumerate(posts):
        with open(os.path.join(site, "p%d.md" % index), "w") as f:
            f.write("---\ntitle: p%d\n---\n%s" % (index, text))
    run(["jekyll", "build", "--quiet", "--source", site, "--destination", os.path.join(site, "_site")])
    result = []
    for index in range(len(posts)):
        with open(os.path.join(site, "_site", "p%d.html" % index)) as f:
            result.append(ids_in(f.read()))
    return result


def pandoc_ids(work, posts, reader):
    result = []
    for index in range(len(posts)):
        result.append(ids_in(run(["pandoc", "-f", reader, "-t", "html", os.path.join(work, "posts", "p%d.md" % index)])))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postlint", default=os.path.join(ROOT, ".build", "debug", "postlint"))
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--show", type=int, default=0, help="print up to N differing posts per style")
    parser.add_argument("--keep", help="write the posts and sites here and keep them")
    parser.add_argument("--styles", help="only these styles, comma-separated")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    posts = [make_post(rng) for _ in range(args.posts)]
    work = args.keep or tempfile.mkdtemp(prefix="anchor-differential-")
    os.makedirs(os.path.join(work, "posts"), exist_ok=True)
    paths = []
    for index, text in enumerate(posts):
        path = os.path.join(work, "posts", "p%d.md" % index)
        with open(path, "w") as f:
            f.write("---\ntitle: p%d\n---\n%s" % (index, text))
        paths.append(path)

    generators = [
        ("goldmark", "hugo", lambda: hugo_ids(work, posts, "github")),
        ("github-ascii", "hugo", lambda: hugo_ids(work, posts, "github-ascii")),
        ("blackfriday", "hugo", lambda: hugo_ids(work, posts, "blackfriday")),
        ("kramdown-gfm", "jekyll", lambda: jekyll_ids(work, posts, "GFM")),
        ("kramdown", "jekyll", lambda: jekyll_ids(work, posts, "kramdown")),
        ("pandoc", "pandoc", lambda: pandoc_ids(work, posts, "markdown")),
        ("pandoc-gfm", "pandoc", lambda: pandoc_ids(work, posts, "gfm")),
    ]
    print("%-13s %-7s %7s %9s %9s %8s %8s" % ("style", "tool", "posts", "agreeing", "ids", "missing", "extra"))
    failures = 0
    for style, tool, render in generators:
        if args.styles and style not in args.styles.split(","):
            continue
        if shutil.which(tool) is None:
            print("%-13s %-7s skipped: %s is not installed" % (style, tool, tool))
            continue
        truth = render()
        ours = postlint_ids(args.postlint, style, paths)
        agreeing = missing = extra = total = 0
        shown = 0
        for index, path in enumerate(paths):
            expected, got = truth[index], ours.get(path, set())
            total += len(expected)
            missing += len(expected - got)
            extra += len(got - expected)
            if expected == got:
                agreeing += 1
            elif shown < args.show:
                shown += 1
                print("--- %s p%d: lacks %s, adds %s" % (style, index, sorted(expected - got), sorted(got - expected)))
                print("    " + posts[index].replace("\n", "\n    "))
        failures += len(paths) - agreeing
        print("%-13s %-7s %7d %9d %9d %8d %8d" % (style, tool, len(paths), agreeing, total, missing, extra))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
