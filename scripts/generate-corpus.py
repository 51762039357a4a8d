#!/usr/bin/env python3
"""Writes a realistic, reproducible corpus of Markdown posts for the benchmark.

Each post is 2 to 10 KB: front matter (title, slug, excerpt, keywords, cover), headings, paragraphs,
lists, code fences, inline, reference and HTML images, links. A few per cent of posts carry defects
(a missing image, mojibake, a bad slug, a short excerpt, a missing field). Image files are written
beside the posts that reference them. The same seed always gives the same corpus.

usage: generate-corpus.py OUTPUT_FOLDER POSTS [--seed N]
"""
import argparse
import os
import random

WORDS = (
    "site content post reader search engine image cover draft release build deploy cache server "
    "network latency request response markdown front matter slug excerpt keyword heading paragraph "
    "list table code block link anchor title description author editor review publish schedule feed "
    "archive category tag index page layout template theme style font color contrast mobile desktop "
    "performance metric budget error warning notice fix repair check test suite pipeline commit branch "
    "merge pull request version history change log note guide tutorial example pattern practice"
).split()
DEFECT_RATE = 0.04
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def sentence(rng, low=6, high=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))


def post(rng, index, images):
    keywords = rng.sample(WORDS, rng.randint(2, 5))
    title = " ".join(w.capitalize() for w in rng.sample(WORDS, rng.randint(3, 7)))
    slug = f"{'-'.join(title.lower().split())}-{index}"
    excerpt = sentence(rng, 14, 22)
    defect = rng.random() < DEFECT_RATE
    kind = rng.choice(["image", "mojibake", "slug", "excerpt", "field"]) if defect else None
    if kind == "slug":
        slug = title + f" {index}"
    if kind == "excerpt":
        excerpt = "Too short."
    cover = f"images/cover-{index}.png"
    images.append(cover)
    lines = ["---", f'title: "{title}"', f'slug: "{slug}"']
    if kind != "field":
        lines.append(f'excerpt: "{excerpt}"')
    lines.append("keywords: [" + ", ".join(f'"{k}"' for k in keywords) + "]")
    lines.append(f"cover: {cover}")
    lines += ["---", "", f"# {title}", "", " ".join(keywords).capitalize() + ". " + paragraph(rng), ""]
    target = rng.randint(2048, 10240)
    section = 0
    while sum(len(line) + 1 for line in lines) < target:
        section += 1
        lines += [f"## {sentence(rng, 2, 5)[:-1]}", "", paragraph(rng), ""]
        choice = rng.random()
        if choice < 0.25:
            lines += [f"- {sentence(rng, 3, 8)}" for _ in range(rng.randint(3, 6))] + [""]
        elif choice < 0.45:
            lines += ["```swift", "let value = compute(\"![not an image](nowhere.png)\")", "print(value)", "```", ""]
        elif choice < 0.65:
            name = f"images/figure-{index}-{section}.png"
            images.append(name)
            lines += [f"![{sentence(rng, 3, 6)[:-1]}]({name} \"Figure {section}\")", ""]
        elif choice < 0.75:
            name = f"images/ref-{index}-{section}.png"
            images.append(name)
            lines += [f"![Diagram {section}][fig{section}]", "", f"[fig{section}]: {name}", ""]
        elif choice < 0.85:
            name = f"images/html-{index}-{section}.png"
            images.append(name)
            lines += [f'<img src="{name}" alt="Chart {section}" width="600">', ""]
        else:
            lines += [f"See [the previous post](post-{max(0, index - 1)}.md) and `inline code`.", ""]
    if kind == "image":
        lines += ["![A missing picture](images/does-not-exist.png)", ""]
    if kind == "mojibake":
        lines += ["The server itself\u00e2\u20ac\u201da detail\u00e2\u20ac\u2122s worth a look.", ""]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("posts", type=int)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    per_folder = 500
    for index in range(args.posts):
        folder = os.path.join(args.output, f"section-{index // per_folder:04d}")
        os.makedirs(os.path.join(folder, "images"), exist_ok=True)
        images = []
        text = post(rng, index, images)
        with open(os.path.join(folder, f"post-{index}.md"), "w", encoding="utf-8") as handle:
            handle.write(text)
        for image in images:
            path = os.path.join(folder, image)
            if not os.path.exists(path):
                with open(path, "wb") as handle:
                    handle.write(PNG)


if __name__ == "__main__":
    main()
