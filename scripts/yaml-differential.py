#!/usr/bin/env python3
"""Differential test of postlint's YAML front matter reading against PyYAML on libyaml.

A seeded generator writes front matter texts (escapes, folding, block scalars, flow collections,
anchors, merge keys, tags, the special plain scalars, repeated keys at every depth, Unicode keys,
CRLF, byte order marks, and invalid mutations of all of these). postlint prints each as it reads
it (the hidden `postlint dump-front-matter` command: one JSON line per file, see
FrontMatterDump.swift) and PyYAML loads it with its safe loader on libyaml (CSafeLoader). They
must agree on whether the text is valid and, when it is, on every value: its type and its value.

Differences postlint makes on purpose are counted apart, never as agreement or failure:
  unknown-tag      a tag postlint does not know (`!custom`, `!!binary`): PyYAML's safe loader
                   refuses the text, postlint warns and reads the value as text.
  duplicate-anchor an anchor defined twice: PyYAML refuses it; YAML 1.2, Ruby's and Go's loaders
                   let the later definition win, and so does postlint.
  impossible-date  a date that does not exist (2024-02-30): PyYAML fails; postlint reads a string,
                   as Ruby's loader (Jekyll) does.
  value-tag        a plain `=`: PyYAML's safe loader has no constructor for it; postlint reads text.
  typed-keys       keys that are not strings (`1`, `yes`): PyYAML compares them as values (1 and
                   True are one key to it); postlint compares keys as their text.
  merge-value      a plain `<<` that is not a key: PyYAML's safe loader has no constructor for it;
                   postlint reads text, as Ruby's and Go's loaders do.

Usage: yaml-differential.py POSTLINT [--count N] [--seed S] [--min-agreement 0.999]
Exits 1 when validity agrees on less than --min-agreement of the documents, or when any value of
a document both accept differs.
"""
import argparse
import datetime
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import unicodedata

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# ---------------------------------------------------------------------------------------------
# Generator

PLAIN_WORDS = ["Tea time", "brewing-tea", "A guide to green tea", "C# tips", "tips #1", "50%", "a, b",
               "images/cover.png", "https://example.com/a?b=c#d", "naïve café", "Ünïcödé 🎉", "x y  z",
               "a:b", "don't", "say \"hi\"", "trailing", "-dash", "?what", "é"]
SPECIAL = ["y", "n", "Y", "N", "yes", "No", "ON", "off", "true", "False", "TRUE", "~", "null", "Null", "",
           "08", "010", "0o17", "0x1F", "0b101", "0b", "1e3", "1.0e+3", "1.0e3", "6.02E+23", "+.5", ".5", "-.5",
           "1.", "1:30:00", "1:30.5", "-1:30", "190:20:30", "2024-1-5", "2024-01-05", "2024-01-05T10:00:00Z",
           "2024-5-1 9:30:00 +02:00", "2024-05-01 10:00:00.5 -5", "2024-02-29", ".inf", "-.Inf", ".NaN", "+.nan",
           "1_000", "-0", "+12", "0", "00", "0_7", "1.5", "-0.25", "12 monkeys", "1.2.3", "0x", "e3", "--1",
           "yES", "nULL", "0.", "._5", "1__0", "1:60"]
RARE = ["<<", "=", "2024-13-01", "2024-02-30"]
ESCAPES = ["\\n", "\\t", "\\\\", "\\\"", "\\u00e9", "\\x41", "\\U0001F389", "\\/", "\\ ", "\\0", "\\e", "\\_",
           "\\N", "\\L", "\\P", "\\a"]
UNICODE_KEYS = ["café", unicodedata.normalize("NFD", "café"), "naïve", "ключ", "キー", "emoji🎉", "Å",
                unicodedata.normalize("NFD", "Å")]
KEYS = ["title", "slug", "excerpt", "keywords", "tags", "date", "draft", "cover", "author", "weight", "name",
        "x-y", "a_b", "description", "url"]
SEPARATORS = ["\u2028", "\u2029", "\u0085", "\ufeff", "\u00a0"]


class Generator:
    def __init__(self, rng):
        self.r = rng
        self.anchors = []
        self.mapping_anchors = []
        self.anchor_count = 0

    def choice(self, items):
        return self.r.choice(items)

    def key(self):
        roll = self.r.random()
        if roll < 0.75:
            return self.choice(KEYS)
        if roll < 0.85:
            return self.choice(UNICODE_KEYS)
        if roll < 0.93:
            quote = self.choice(["'", '"'])
            return quote + self.choice(KEYS) + quote
        return self.choice(["two words", "1", "yes", "null", "2024-01-05", "key ", "?odd", "a.b"])

    def plain(self):
        roll = self.r.random()
        if roll < 0.01:
            return self.choice(RARE)
        return self.choice(SPECIAL) if roll < 0.5 else self.choice(PLAIN_WORDS)

    def double_quoted(self):
        parts = []
        for _ in range(self.r.randint(0, 4)):
            roll = self.r.random()
            if roll < 0.4:
                parts.append(self.choice(PLAIN_WORDS).replace('"', "'"))
            elif roll < 0.7:
                parts.append(self.choice(ESCAPES))
            elif roll < 0.85:
                parts.append(self.choice(SEPARATORS))
            else:
                parts.append(self.choice(SPECIAL))
        return '"' + " ".join(parts).replace("\\ ", "\\_") + '"'

    def single_quoted(self):
        text = self.choice(PLAIN_WORDS + SPECIAL).replace("'", "''")
        if self.r.random() < 0.2:
            text += "''s" + self.choice(SEPARATORS)
        return "'" + text + "'"

    def scalar(self, flow=False):
        roll = self.r.random()
        if roll < 0.45:
            value = self.plain()
            if flow and any(c in value for c in ",[]{}#"):
                value = "'" + value.replace("'", "''") + "'"
            return value
        if roll < 0.65:
            return self.double_quoted()
        if roll < 0.8:
            return self.single_quoted()
        if roll < 0.9:
            return self.tagged()
        if self.anchors and roll < 0.95:
            return "*" + self.choice(self.anchors)
        return self.choice(SPECIAL)

    def tagged(self):
        tag, values = self.choice([
            ("!!str", ["2024", "~", "yes", "1.5", "'x'", '"y"', "plain text"]),
            ("!!int", ["7", '"7"', "0x1F", "010", "1_000", "heavy", "1.5", "1:30"]),
            ("!!float", ["1", "1.5", '"2.5"', ".inf", "1e3", "x"]),
            ("!!bool", ["yes", '"yes"', "True", "OFF", "maybe"]),
            ("!!null", ["", "~", "x"]),
            ("!!timestamp", ['"2024-05-01"', "2024-5-1 10:00:00", "soon"]),
            ("!", ["12", "yes", ""]),
        ] + ([("!custom", ["12", "text"])] if self.r.random() < 0.3 else []))
        return tag + " " + self.choice(values)

    def flow_sequence(self, depth):
        items = [self.flow_value(depth + 1) for _ in range(self.r.randint(0, 4))]
        return "[" + ", ".join(items) + ("," if items and self.r.random() < 0.1 else "") + "]"

    def flow_mapping(self, depth):
        keys = [self.choice(KEYS) for _ in range(self.r.randint(0, 3))]
        return "{" + ", ".join(f"{k}: {self.flow_value(depth + 1)}" for k in keys) + "}"

    def flow_value(self, depth):
        roll = self.r.random()
        if depth < 3 and roll < 0.15:
            return self.flow_sequence(depth)
        if depth < 3 and roll < 0.25:
            return self.flow_mapping(depth)
        return self.scalar(flow=True)

    def block_scalar(self, indent):
        header = self.choice(["|", ">", "|-", ">-", "|+", ">+", "|2", ">1"])
        pad = " " * (indent + 2)
        lines = []
        for _ in range(self.r.randint(1, 4)):
            roll = self.r.random()
            if roll < 0.15:
                lines.append("")
            elif roll < 0.25:
                lines.append(pad + "  " + self.choice(PLAIN_WORDS))
            else:
                lines.append(pad + self.choice(PLAIN_WORDS + SPECIAL))
        return header + "\n" + "\n".join(lines)

    def value(self, indent, depth):
        roll = self.r.random()
        pad = " " * indent
        anchor = ""
        if self.r.random() < 0.08:
            # Mostly a new name; now and then one defined before.
            self.anchor_count += 1
            name = self.choice(self.anchors) if self.anchors and self.r.random() < 0.05 else f"a{self.anchor_count}"
            anchor = "&" + name + " "
        if depth < 4 and roll < 0.12:
            body = self.mapping(indent + 2, depth + 1)
            if anchor:
                self.mapping_anchors.append(anchor[1:-1])
                self.anchors.append(anchor[1:-1])
            return (anchor.strip() + "\n" + body) if anchor else "\n" + body
        if depth < 4 and roll < 0.24:
            item_indent = indent + self.choice([0, 2]) if indent == 0 else indent + 2
            items = []
            for _ in range(self.r.randint(1, 4)):
                if self.r.random() < 0.15 and depth < 3:
                    inner = self.mapping(item_indent + 2, depth + 1).lstrip(" ")
                    items.append(" " * item_indent + "- " + inner)
                else:
                    items.append(" " * item_indent + "- " + self.scalar())
            if anchor:
                self.anchors.append(anchor[1:-1])
            return (anchor.strip() + "\n" if anchor else "\n") + "\n".join(items)
        if roll < 0.34:
            text = self.flow_sequence(depth) if self.r.random() < 0.6 else self.flow_mapping(depth)
        elif roll < 0.44:
            text = self.block_scalar(indent)
        elif roll < 0.5:
            # A plain or quoted scalar over two lines.
            quote = self.choice(["", '"', "'"])
            text = quote + self.choice(PLAIN_WORDS).replace(quote or "\0", "") + "\n" + pad + "  " \
                + self.choice(PLAIN_WORDS).replace(quote or "\0", "") + quote
        else:
            text = self.scalar()
        if anchor:
            self.anchors.append(anchor[1:-1])
        return anchor + text

    def mapping(self, indent, depth):
        pad = " " * indent
        lines = []
        used = []
        for _ in range(self.r.randint(1, 6)):
            roll = self.r.random()
            if used and roll < 0.12:
                key = self.choice(used)  # a repeated key
            elif self.mapping_anchors and roll < 0.2:
                merge = self.choice(self.mapping_anchors)
                if self.r.random() < 0.3 and len(self.mapping_anchors) > 1:
                    lines.append(f"{pad}<<: [*{merge}, *{self.choice(self.mapping_anchors)}]")
                else:
                    lines.append(f"{pad}<<: *{merge}")
                continue
            else:
                key = self.key()
            used.append(key)
            value = self.value(indent, depth)
            separator = "" if value.startswith("\n") else " "
            lines.append(f"{pad}{key}:{separator}{value}")
            if self.r.random() < 0.08:
                lines.append(pad + self.choice(["# a comment", "", "  # indented"]))
        return "\n".join(lines)

    def document(self):
        self.anchors = []
        self.mapping_anchors = []
        self.anchor_count = 0
        text = self.mapping(0, 0) + "\n"
        roll = self.r.random()
        if roll < 0.1:
            text = self.mutate(text)
        elif roll < 0.13:
            text = text.replace("\n", "\r\n")
        elif roll < 0.15:
            text = "\ufeff" + text
        return text

    def mutate(self, text):
        if not text:
            return text
        position = self.r.randrange(len(text))
        roll = self.r.random()
        if roll < 0.35:
            return text[:position] + text[position + 1:]
        if roll < 0.75:
            return text[:position] + self.choice(list(":-[]{}\"'&*!|>#\t,?%@`") + ["\n", "  ", "\u2028"]) + text[position:]
        if roll < 0.9:
            return text[:position]
        return text[:position] + "\n" + text[position:]


# ---------------------------------------------------------------------------------------------
# Comparison


def reload_scalar(text):
    """What PyYAML makes of a plain scalar's text alone (to compare typed values)."""
    return yaml.load("k: " + text if text else "k:", Loader=Loader)["k"]


def same_float(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b


def same(py, pl):
    """Whether PyYAML's value and postlint's dumped tree are the same value."""
    if isinstance(pl, dict) and "m" in pl:
        if not isinstance(py, dict) or len(py) != len(pl["m"]):
            return False
        for (py_key, py_value), (pl_key, pl_value) in zip(py.items(), pl["m"]):
            if isinstance(py_key, str):
                if py_key != pl_key:
                    return False
            else:
                try:
                    if reload_scalar(pl_key) != py_key:
                        return False
                except Exception:
                    return False
            if not same(py_value, pl_value):
                return False
        return True
    if isinstance(pl, dict) and "s" in pl:
        return isinstance(py, list) and len(py) == len(pl["s"]) and all(same(a, b) for a, b in zip(py, pl["s"]))
    if pl is None:
        return py is None
    kind, text = pl["k"], pl["v"]
    try:
        if kind == "string":
            return isinstance(py, str) and py == text
        if kind == "null":
            return py is None
        if kind == "boolean":
            return isinstance(py, bool) and py == yaml.load("k: !!bool " + json.dumps(text), Loader=Loader)["k"]
        if kind == "integer":
            return isinstance(py, int) and not isinstance(py, bool) and py == reload_scalar(text)
        if kind == "float":
            return isinstance(py, float) and same_float(py, float(reload_scalar(text)))
        if kind == "date":
            return isinstance(py, (datetime.date, datetime.datetime)) and py == reload_scalar(text)
    except Exception:
        return False
    return False


def has_typed_keys(value):
    if isinstance(value, dict):
        return any(not isinstance(key, str) for key in value) or any(has_typed_keys(v) for v in value.values())
    if isinstance(value, list):
        return any(has_typed_keys(item) for item in value)
    return False


def exception_kind(text, py_value, py_error, pl):
    """The documented difference a disagreement falls under, or None."""
    message = str(py_error) if py_error else ""
    if py_error is None and pl.get("ok") and has_typed_keys(py_value):
        return "typed-keys"
    if pl.get("ok") and pl.get("notices", 0) > 0 and "could not determine a constructor" in message:
        return "unknown-tag"
    if "found duplicate anchor" in message:
        return "duplicate-anchor"
    if isinstance(py_error, ValueError) and ("out of range" in message or "must be in" in message):
        return "impossible-date"
    if "tag:yaml.org,2002:value" in message:
        return "value-tag"
    if "tag:yaml.org,2002:merge" in message:
        return "merge-value"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("postlint")
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=20241204)
    parser.add_argument("--min-agreement", type=float, default=0.999)
    parser.add_argument("--show", type=int, default=8, help="disagreements to print")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    generator = Generator(rng)
    documents = [generator.document() for _ in range(args.count)]

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, text in enumerate(documents):
            path = os.path.join(folder, f"{index}.yml")
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            paths.append(path)
        run = subprocess.run([args.postlint, "dump-front-matter", "--yaml-version", "1.1"],
                             input="\n".join(paths) + "\n", capture_output=True, text=True, check=False)
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            sys.exit(f"postlint dump-front-matter failed with exit code {run.returncode}")
    # One object a line; split on line feeds only (str.splitlines also splits at U+2028 and U+0085).
    dumped = [json.loads(line) for line in run.stdout.split("\n") if line]
    if len(dumped) != len(documents):
        sys.exit(f"postlint printed {len(dumped)} results for {len(documents)} documents")

    counts = {"valid": 0, "invalid": 0, "validity-agrees": 0, "validity-differs": 0, "value-differs": 0}
    exceptions = {}
    shown = 0
    for text, pl in zip(documents, dumped):
        py_error = None
        py_value = None
        try:
            py_value = yaml.load(text, Loader=Loader)
        except Exception as error:  # noqa: BLE001 (any failure of the loader makes the text invalid)
            py_error = error
        py_ok = py_error is None
        if py_ok != pl["ok"] or (py_ok and not same(py_value, pl.get("value"))):
            kind = exception_kind(text, py_value, py_error, pl)
            if kind:
                exceptions[kind] = exceptions.get(kind, 0) + 1
                continue
            if py_ok != pl["ok"]:
                counts["validity-differs"] += 1
                what = f"PyYAML: {'valid' if py_ok else type(py_error).__name__ + ': ' + str(py_error).splitlines()[0]}" \
                       f" / postlint: {'valid' if pl['ok'] else pl['error']}"
            else:
                counts["validity-agrees"] += 1
                counts["value-differs"] += 1
                what = f"values differ: PyYAML {py_value!r} / postlint {json.dumps(pl['value'], ensure_ascii=False)}"
            if shown < args.show:
                shown += 1
                print(f"--- disagreement: {what}\n{text!r}\n")
            continue
        counts["validity-agrees"] += 1
        counts["valid" if py_ok else "invalid"] += 1

    compared = args.count - sum(exceptions.values())
    agreement = counts["validity-agrees"] / compared if compared else 1.0
    print(f"documents: {args.count} (seed {args.seed}); compared: {compared}; "
          f"valid in both: {counts['valid']}; invalid in both: {counts['invalid']}")
    print(f"validity agrees: {counts['validity-agrees']} ({agreement:.4%}); validity differs: "
          f"{counts['validity-differs']}; values differ: {counts['value-differs']}")
    print("documented differences: " + (", ".join(f"{k} {v}" for k, v in sorted(exceptions.items())) or "none"))
    if agreement < args.min_agreement or counts["value-differs"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
