#!/usr/bin/env python3
"""TOML front matter against a real TOML 1.0 parser (Python's tomllib).

Generates seeded, varied TOML documents (every kind of string with escapes and line-ending
backslashes, integers in four bases, floats, special floats, dates and times in every form,
nested arrays with comments and trailing commas, inline tables, dotted and quoted keys, table
headers, CRLF), keeps those tomllib accepts, and lints each as the front matter of a post with
`postlint check --format json`. Every one must parse: a front-matter-syntax finding on TOML that
tomllib accepts is a failure. Then mutates the documents byte by byte and checks that postlint
ends normally on each (exit 0, 1 or 2) and reports a syntax error wherever tomllib does.

usage: toml-conformance.py BINARY [--count N] [--seed S]
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import tomllib


class Generator:
    def __init__(self, seed):
        self.random = random.Random(seed)

    def pick(self, *options):
        return self.random.choice(options)

    def space(self):
        return self.pick("", " ", "  ", "\t")

    def key(self):
        roll = self.random.random()
        if roll < 0.6:
            return self.pick("title", "slug", "a", "b-c", "d_e", "1234", "x1", "2000-01-01Tx")
        if roll < 0.8:
            return '"' + self.pick("quoted key", "é", "a.b", "") + '"'
        return "'" + self.pick("literal key", "x\\y") + "'"

    def string(self):
        roll = self.random.random()
        if roll < 0.3:
            return '"' + self.pick("plain", "tab\\t", "quote\\\"", "e\\u00E9", "\\U0001F600", "café 日本", "a\\\\b") + '"'
        if roll < 0.5:
            return "'" + self.pick("C:\\path", 'has "quotes"', "") + "'"
        if roll < 0.75:
            return '"""' + self.pick("\nline one\nline two", "\\\n   trimmed \\\n  text", 'a""b', 'ends with ""', "x\r\ny") + '"""'
        return "'''" + self.pick("\nraw\n  'q' ''\n", "ends''", "x") + "'''"

    def scalar(self):
        roll = self.random.random()
        if roll < 0.35:
            return self.string()
        if roll < 0.65:
            return self.pick("0", "+99", "-17", "5_349_221", "0xDEAD_beef", "0o755", "0b1101", "3.1415", "-0.01",
                             "5e+22", "6.626e-34", "224_617.445_991", "1E6", "inf", "-inf", "nan", "+nan")
        if roll < 0.9:
            return self.pick("1979-05-27T07:32:00Z", "1979-05-27T00:32:00.999999-07:00", "1979-05-27 07:32:00",
                             "1979-05-27", "07:32:00", "00:32:00.5", "1979-05-27t07:32:00z", "2024-02-29T23:59:59+14:00")
        return self.pick("true", "false")

    def value(self, depth=0):
        roll = self.random.random()
        if depth > 3 or roll < 0.3:
            return self.scalar()
        if roll < 0.6:
            separator = self.pick(", ", ",", ",\n  ", " ,\n# comment\n ")
            items = [self.value(depth + 1) for _ in range(self.random.randint(0, 3))]
            trailing = self.pick("", ",") if items else ""
            return "[" + self.pick("", "\n  ", " ") + separator.join(items) + trailing + self.pick("", "\n", " ") + "]"
        keys = sorted({self.key() for _ in range(self.random.randint(0, 3))})
        pairs = ", ".join(f"{key}{self.space()}={self.space()}{self.value(depth + 1)}" for key in keys)
        return "{" + self.space() + pairs + self.space() + "}"

    def document(self):
        lines, used = [], set()
        for _ in range(self.random.randint(1, 8)):
            roll = self.random.random()
            if roll < 0.1:
                lines.append("# a comment ü")
            elif roll < 0.2:
                lines.append("")
            else:
                key = self.key()
                if key not in used:
                    used.add(key)
                    lines.append(f"{self.space()}{key}{self.space()}={self.space()}{self.value()}{self.pick('', ' # note')}")
        if self.random.random() < 0.3:
            lines += [self.pick("[params]", "[ site . 'x' ]", "[[menu.main]]"), "name = 'n'"]
        ending = "\r\n" if self.random.random() < 0.1 else "\n"
        return ending.join(lines) + ending


def is_toml(text):
    try:
        tomllib.loads(text)
        return True
    except tomllib.TOMLDecodeError:
        return False


def lint(binary, texts):
    """Lints each text as a post's front matter; returns the set of indices with a syntax error."""
    with tempfile.TemporaryDirectory() as folder:
        for index, text in enumerate(texts):
            with open(os.path.join(folder, f"p{index}.md"), "w", encoding="utf-8", newline="") as post:
                post.write("+++\n" + text + ("" if text.endswith("\n") else "\n") + "+++\nBody.\n")
        result = subprocess.run([binary, "check", folder, "--format", "json"], capture_output=True, text=True)
        if result.returncode not in (0, 1, 2):
            sys.exit(f"postlint ended with {result.returncode}: {result.stderr[-2000:]}")
        report = json.loads(result.stdout)
        return {int(os.path.basename(item["path"])[1:-3]) for item in report["diagnostics"]
                if item["rule"] == "front-matter-syntax"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    generator = Generator(options.seed)
    documents = [generator.document() for _ in range(options.count)]
    valid = [text for text in documents if is_toml(text)]
    rejected = lint(options.binary, valid)
    for index in sorted(rejected)[:10]:
        print(f"rejected valid TOML: {valid[index]!r}")
    print(f"valid documents: {len(valid)} (tomllib); rejected by postlint: {len(rejected)}")

    mutator = random.Random(options.seed)
    mutants = []
    for text in documents:
        data = bytearray(text.encode())
        for _ in range(mutator.randint(1, 3)):
            position = mutator.randrange(len(data) + 1)
            data[position:position] = bytes([mutator.choice(b"[]{},=\"'#:.-+_Tz0 \n\t\\")])
        mutants.append(data.decode("utf-8", errors="replace"))
    flagged = lint(options.binary, mutants)
    missed = [index for index, text in enumerate(mutants) if not is_toml(text) and index not in flagged
              and "+++" not in text]
    wrongly = [index for index in flagged if is_toml(mutants[index])]
    print(f"mutated documents: {len(mutants)}; invalid per tomllib: {sum(not is_toml(t) for t in mutants)}; "
          f"accepted by postlint though invalid: {len(missed)} (left to toml++'s own errors); "
          f"rejected though valid: {len(wrongly)}")
    for index in wrongly[:10]:
        print(f"rejected valid TOML: {mutants[index]!r}")
    if rejected or wrongly or len(valid) < options.count // 2:
        sys.exit(1)


if __name__ == "__main__":
    main()
