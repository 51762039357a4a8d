#!/usr/bin/env python3
"""TOML front matter against a real TOML 1.0 parser (Python's tomllib).

Generates seeded, varied TOML documents (every kind of string with escapes and line-ending
backslashes, integers in four bases, floats, special floats, dates and times in every form,
nested arrays with comments and trailing commas, inline tables, dotted and quoted keys, table
headers, CRLF), keeps those tomllib accepts, and lints each as the front matter of a post with
`postlint check --format json`: a front-matter-syntax finding on TOML that tomllib accepts is a
failure. Each is also read with `postlint dump-front-matter --toml`, whose keys (in order), types
and values must equal tomllib's. Then mutates the documents byte by byte, and builds documents
from the data model's corners (tables and arrays of tables defined twice, dotted keys across
sections, inline tables and arrays extended later, dates and times outside the calendar, integers
at 64 bits), and checks that postlint ends normally on each and agrees with tomllib on every one.
The one difference allowed: tomllib reads integers past 64 bits, which TOML 1.0 says to refuse.

With --suite DIR (the `tests` folder of the toml-test suite, with its files-toml-1.0.0 list),
also reads every valid case (values compared with tomllib's) and every invalid one (each must be
refused).

usage: toml-conformance.py BINARY [--count N] [--seed S] [--suite DIR]
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


def structural_documents(seed, count):
    """Documents made of the data model's corners: each line valid alone, many invalid together."""
    pieces = [
        "[a]", "[a.b]", "[a.b.c]", "[[a]]", "[[a.b]]", "[[x]]", "[x.y]", "[a.'b']", '[ a . "b" ]',
        "a = 1", "a.b = 1", "a.b.c = 2", "b.c = 3", "c = 4", "b = { c = 1 }", "b = [1, 2]", "x = []",
        "y.z = { w = 1 }", "y.z.v = 2", "d = { e.f = 1, e.g = 2 }", "d = { e = 1, e.f = 2 }",
        "d = { e = { f = 1 }, e.g = 2 }", "d = { e = 1, e = 2 }", "'c' = 5", '"c" = 6',
        "t = 1979-02-29", "t = 2000-02-29", "t = 1900-02-29", "t = 2021-04-31", "t = 2021-13-01",
        "t = 24:00:00", "t = 23:60:00", "t = 23:59:60", "t = 1979-05-27T07:32:00+24:00",
        "t = 1979-05-27T07:32:00-23:59", "t = 1979-05-27T07:32:00.1234567891", "t = 00:00:00.000",
        "i = 9223372036854775807", "i = -9223372036854775808", "i = 0x7FFF_FFFF_FFFF_FFFF",
        "i = 0o777777777777777777777", "i = 0b1", "i = 9223372036854775808", "i = -0", "i = +0", "f = -0.0", "f = 1e400",
        's = """\r\nline\r\n"""', "s = '''\n'''", 's = "\\u00e9\\U0001F600"', 's = """a\\\n\n  b"""',
    ]
    rng = random.Random(seed)
    documents = []
    for _ in range(count):
        lines = [rng.choice(pieces) for _ in range(rng.randint(1, 6))]
        documents.append("\n".join(lines) + "\n")
    return documents


def beyond_64_bits(text):
    """tomllib reads integers of any size; TOML 1.0 (and postlint) refuses those past 64 bits."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False

    def big(value):
        if isinstance(value, bool):
            return False
        if isinstance(value, int):
            return not -2**63 <= value < 2**63
        if isinstance(value, dict):
            return any(big(item) for item in value.values())
        if isinstance(value, list):
            return any(big(item) for item in value)
        return False
    return big(document)


def fraction(text):
    """A time's fraction cut to tomllib's six digits, trailing zeros dropped."""
    if "." not in text:
        return text
    head, _, tail = text.partition(".")
    digits = ""
    for character in tail:
        if not character.isdigit():
            break
        digits += character
    rest = tail[len(digits):]
    digits = digits[:6].rstrip("0")
    return head + ("." + digits if digits else "") + rest


def clock(value):
    text = value.strftime("%H:%M:%S")
    return text + (f".{value.microsecond:06d}".rstrip("0") if value.microsecond else "")


def expected(value):
    """tomllib's value in the shape of postlint's dump: {"k": kind, "v": text}, {"s": …}, {"m": …}."""
    if isinstance(value, bool):
        return {"k": "boolean", "v": "true" if value else "false"}
    if isinstance(value, int):
        return {"k": "integer", "v": str(value)}
    if isinstance(value, float):
        return {"k": "float", "v": value}
    if isinstance(value, str):
        return {"k": "string", "v": value}
    if isinstance(value, datetime.datetime):
        text = f"{value.year:04d}-{value.month:02d}-{value.day:02d}T" + clock(value)
        if value.tzinfo is not None:
            minutes = int(value.utcoffset().total_seconds() // 60)
            sign = "-" if minutes < 0 else "+"
            text += "Z" if minutes == 0 else f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return {"k": "date", "v": text}
    if isinstance(value, datetime.date):
        return {"k": "date", "v": f"{value.year:04d}-{value.month:02d}-{value.day:02d}"}
    if isinstance(value, datetime.time):
        return {"k": "date", "v": clock(value)}
    if isinstance(value, list):
        return {"s": [expected(item) for item in value]}
    return {"m": [[key, expected(item)] for key, item in value.items()]}


def same(want, got):
    """Whether postlint's dump equals tomllib's value (floats by value, fractions to six digits)."""
    if "m" in want:
        return "m" in got and len(want["m"]) == len(got["m"]) and all(
            a[0] == b[0] and same(a[1], b[1]) for a, b in zip(want["m"], got["m"]))
    if "s" in want:
        return "s" in got and len(want["s"]) == len(got["s"]) and all(
            same(a, b) for a, b in zip(want["s"], got["s"]))
    if want.get("k") != got.get("k"):
        return False
    if want["k"] == "float":
        try:
            number = float(got["v"])
        except ValueError:
            return False
        return (math.isnan(want["v"]) and math.isnan(number)) or want["v"] == number
    if want["k"] == "date":
        return fraction(got["v"]) == want["v"]
    return want["v"] == got["v"]


def dump(binary, texts):
    """postlint's reading of each text as TOML (dump-front-matter --toml): one object per text."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, text in enumerate(texts):
            path = os.path.join(folder, f"d{index}.toml")
            with open(path, "wb") as document:
                document.write(text.encode("utf-8", errors="surrogateescape"))
            paths.append(path)
        result = subprocess.run([binary, "dump-front-matter", "--toml"], input="\n".join(paths) + "\n",
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"dump-front-matter ended with {result.returncode}: {result.stderr[-2000:]}")
        return [json.loads(line) for line in result.stdout.splitlines()]


def read_with_tomllib(text):
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeError):
        return None


def compare(binary, texts, label):
    """Reads `texts` with both parsers; returns the number of disagreements, printing the first few."""
    results = dump(binary, texts)
    read = refused = values_differ = wrongly_refused = wrongly_accepted = big = shown = 0
    for text, result in zip(texts, results):
        value = read_with_tomllib(text)
        problem = None
        if value is None:
            refused += 1
            if result["ok"]:
                wrongly_accepted += 1
                problem = "accepted though tomllib refuses it"
        else:
            read += 1
            if not result["ok"]:
                if beyond_64_bits(text):
                    big += 1
                else:
                    wrongly_refused += 1
                    problem = f"refused ({result['error']} at {result['line']}:{result['column']}) though tomllib reads it"
            elif not same(expected(value), result["value"]):
                values_differ += 1
                problem = f"read as {json.dumps(result['value'])[:300]}; tomllib: {json.dumps(expected(value))[:300]}"
        if problem and shown < 10:
            shown += 1
            print(f"  {label}: {text!r}: {problem}")
    print(f"{label}: {len(texts)} documents, tomllib reads {read} and refuses {refused}; values differ: {values_differ}; "
          f"refused though valid: {wrongly_refused}; accepted though invalid: {wrongly_accepted}; "
          f"integers past 64 bits (tomllib reads them, TOML 1.0 refuses them): {big}")
    return values_differ + wrongly_refused + wrongly_accepted


def suite(binary, folder):
    """toml-test's TOML 1.0 cases: valid ones read as tomllib reads them, invalid ones refused."""
    with open(os.path.join(folder, "files-toml-1.0.0"), encoding="utf-8") as listing:
        names = [line.strip() for line in listing if line.strip().endswith(".toml")]
    failures = 0
    for kind in ("valid", "invalid"):
        chosen = [name for name in names if name.startswith(kind + "/")]
        texts = []
        for name in chosen:
            with open(os.path.join(folder, name), "rb") as case:
                texts.append(case.read().decode("utf-8", errors="surrogateescape"))
        results = dump(binary, texts)
        wrong = []
        for name, text, result in zip(chosen, texts, results):
            if kind == "invalid":
                if result["ok"]:
                    wrong.append(name)
                continue
            # tomllib takes a byte order mark as text; TOML (and postlint) allow one to open a file.
            text = text.removeprefix("\ufeff")
            value = read_with_tomllib(text)
            if not result["ok"]:
                if not beyond_64_bits(text):
                    wrong.append(f"{name} (refused: {result['error']})")
            elif value is None:
                wrong.append(f"{name} (tomllib refuses it)")
            elif not same(expected(value), result["value"]):
                wrong.append(f"{name} (values differ)")
        print(f"toml-test {kind}: {len(chosen)} cases, {len(chosen) - len(wrong)} read as the suite says")
        for name in wrong[:20]:
            print(f"  {kind}: {name}")
        failures += len(wrong)
    return failures


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
    parser.add_argument("--suite", help="toml-test's tests folder (with files-toml-1.0.0)")
    options = parser.parse_args()

    generator = Generator(options.seed)
    documents = [generator.document() for _ in range(options.count)]
    valid = [text for text in documents if is_toml(text)]
    rejected = lint(options.binary, valid)
    for index in sorted(rejected)[:10]:
        print(f"rejected valid TOML: {valid[index]!r}")
    print(f"valid documents: {len(valid)} (tomllib); rejected by postlint: {len(rejected)}")

    failures = compare(options.binary, valid, "generated")

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
          f"accepted by postlint though invalid: {len(missed)}; "
          f"rejected though valid: {len(wrongly)}")
    for index in wrongly[:10]:
        print(f"rejected valid TOML: {mutants[index]!r}")
    failures += compare(options.binary, mutants, "mutated")
    failures += compare(options.binary, structural_documents(options.seed, options.count), "data model")
    if options.suite:
        failures += suite(options.binary, options.suite)
    if rejected or wrongly or failures or len(valid) < options.count // 2:
        sys.exit(1)


if __name__ == "__main__":
    main()
