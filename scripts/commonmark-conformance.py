#!/usr/bin/env python3
"""CommonMark conformance of postlint's body scanner, for images and links.

Reads the spec's examples from spec.txt, runs the scanner (the commonmark-conformance tool) over
every example whose expected HTML has an <img> or an <a href>, and compares the multiset of
destinations: img src for images, a href for links. Both sides are compared after HTML entity
decoding and percent-decoding, since the spec's renderer percent-encodes what it writes.

Prints the failures, then `N passed, M failed` alone on a line; exits 1 when fewer than --floor
examples pass, when an image example fails (--all-images), or when an example whose expected HTML
has neither yields one (--strict-others).
"""
import argparse
import collections
import html.parser
import json
import re
import subprocess
import sys
import urllib.parse

FENCE = "`" * 32


def read_examples(path):
    """The examples of spec.txt: number, markdown, expected html (tabs written as →)."""
    examples = []
    state = None
    markdown, expected = [], []
    with open(path, encoding="utf-8") as spec:
        version = None
        for line in spec:
            if version is None and line.startswith("version:"):
                version = line.split(":", 1)[1].strip().strip("'\"")
            stripped = line.rstrip("\n")
            if state is None and stripped.startswith(FENCE + " example"):
                state, markdown, expected = "markdown", [], []
            elif state == "markdown" and stripped == ".":
                state = "html"
            elif state == "html" and stripped == FENCE:
                examples.append({
                    "example": len(examples) + 1,
                    "markdown": "".join(markdown).replace("→", "\t"),
                    "html": "".join(expected).replace("→", "\t"),
                })
                state = None
            elif state == "markdown":
                markdown.append(line)
            elif state == "html":
                expected.append(line)
    return version, examples


class Destinations(html.parser.HTMLParser):
    """img src and a href values of an HTML fragment, entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images, self.links = [], []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "img" and values.get("src") is not None:
            self.images.append(values["src"])
        elif tag == "a" and values.get("href") is not None:
            self.links.append(values["href"])

    handle_startendtag = handle_starttag


def normalized(values):
    return collections.Counter(urllib.parse.unquote(value) for value in values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spec", required=True, help="the spec.txt of the CommonMark spec")
    parser.add_argument("--tool", required=True, help="the commonmark-conformance executable")
    parser.add_argument("--version", default="0.31.2", help="the spec version expected")
    parser.add_argument("--floor", type=int, default=0, help="fewest passing examples accepted")
    parser.add_argument("--strict-others", action="store_true",
                        help="fail when an example without images or links yields one")
    parser.add_argument("--all-images", action="store_true", help="fail when any image example fails")
    args = parser.parse_args()

    version, examples = read_examples(args.spec)
    if version != args.version:
        print(f"spec version is {version}, expected {args.version}", file=sys.stderr)
        return 2
    chosen = [e for e in examples if "<img" in e["html"] or re.search(r"<a\s[^>]*href", e["html"])]
    others = [e for e in examples if e not in chosen]
    run = subprocess.run([args.tool], input=json.dumps(examples).encode(), capture_output=True, check=False)
    if run.returncode != 0:
        print(run.stderr.decode(errors="replace"), file=sys.stderr)
        return 2
    found = {item["example"]: item for item in json.loads(run.stdout)}

    passed = failed = image_total = image_failed = 0
    for example in chosen:
        expected = Destinations()
        expected.feed(example["html"])
        expected.close()
        got = found.get(example["example"], {"images": [], "links": []})
        has_image = bool(expected.images) or "<img" in example["html"]
        image_total += has_image
        if normalized(expected.images) == normalized(got["images"]) and \
                normalized(expected.links) == normalized(got["links"]):
            passed += 1
            continue
        failed += 1
        image_failed += has_image
        print(f"example {example['example']}: expected images {expected.images} links {expected.links}, "
              f"found images {got['images']} links {got['links']}")
        print("    markdown: " + json.dumps(example["markdown"]))
    # The examples without images or links must yield none (code, escapes, broken syntax).
    spurious = 0
    for example in others:
        got = found.get(example["example"], {"images": [], "links": []})
        if got["images"] or got["links"]:
            spurious += 1
            print(f"example {example['example']}: expected no image or link, found images {got['images']} "
                  f"links {got['links']}")
            print("    markdown: " + json.dumps(example["markdown"]))
    print(f"examples without images or links: {len(others) - spurious} of {len(others)} find none")
    print(f"image examples: {image_total - image_failed} of {image_total} pass")
    print(f"{passed} passed, {failed} failed")
    if passed < args.floor:
        print(f"below the floor of {args.floor} passing examples", file=sys.stderr)
        return 1
    if args.strict_others and spurious:
        print(f"{spurious} examples without images or links found some", file=sys.stderr)
        return 1
    if args.all_images and image_failed:
        print(f"{image_failed} image examples fail", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
