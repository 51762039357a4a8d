#!/usr/bin/env python3
"""Writes a realistic, reproducible corpus of Markdown posts for the benchmark.

Each post is 2 to 10 KB: front matter (title, slug, excerpt, keywords, cover), headings, paragraphs,
lists, code fences, inline, reference and HTML images, links. A few per cent of posts carry defects
(a missing image, mojibake, a bad slug, a short excerpt, a missing field). Image files are written
beside the posts that reference them. The same seed always gives the same corpus.

Text and links in the proportions measured on six public sites of different shapes (the Node.js
blog, ruby-lang.org in 17 languages, the Rust blog, Hugo's documentation, Microsoft's C++ docs and
WinRT API docs), each site counting once:

- Language of a post: CJK (Japanese or Chinese) 7 %, Cyrillic (Russian) 4 %, Latin with accents
  (French, German, Spanish) 17 %, the rest English in ASCII. Shares of posts holding such letters
  on those sites: CJK 9, 30, 2, 0, 0 and 0 %; Cyrillic 6, 16, 1, 0, 0 and 0 %; accented Latin
  50, 36, 12, 2, 0 and 0 % (their mean). A translated post keeps its ASCII slug, code and image
  names, as the multilingual site does.
- Links to a heading of another post (`post-12.md#some-heading`): 21 % of posts carry 1 to 8 of
  them (4.3 on average, 0.9 a post), as the C++ docs do, the site with most of them (about 8,900
  in 9,751 posts; the others have 0.0 to 0.13 a post). Four in five point into the same folder.
  They point at a heading the target has, so they are findings only when the anchors are wrong.

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
# Words of the other languages, our own short lists: enough for sentences of the right scripts.
ACCENTED = (
    "éditeur réseau dépôt données côté mise à jour première étape sécurité général référence "
    "über Größe Schlüssel Änderung prüfen Straße schön Übersicht Lösung Größenordnung "
    "señal año página número canción información configuración versión búsqueda imágenes "
    "site contenu article auteur lecture recherche serveur version"
).split()
CYRILLIC = (
    "сайт страница поиск изображение заголовок ссылка сервер запрос ответ версия выпуск обзор "
    "статья автор редактор сборка тест ошибка исправление кэш шаблон тема список таблица код "
    "блок публикация архив категория метка"
).split()
JAPANESE = (
    "サイト 記事 検索 画像 見出し リンク サーバー 要求 応答 版 公開 更新 作者 編集 性能 設定 "
    "文書 表示 変更 確認 試験 構築 配布 翻訳 言語 案内"
).split()
CHINESE = (
    "网站 文章 搜索 图片 标题 链接 服务器 请求 响应 版本 发布 更新 作者 编辑 性能 设置 "
    "文档 显示 修改 检查 测试 构建 翻译 语言 指南"
).split()
# (share of posts, words, joined by spaces, sentence end); the rest is English.
LANGUAGES = (
    (0.04, JAPANESE, False, "。"),
    (0.03, CHINESE, False, "。"),
    (0.04, CYRILLIC, True, "."),
    (0.17, ACCENTED, True, "."),
)
ANCHOR_LINK_POSTS = 0.21
ANCHOR_LINKS_PER_POST = (1, 8)
ANCHOR_LINKS_SAME_FOLDER = 0.8
PER_FOLDER = 500
DEFECT_RATE = 0.04
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


ENGLISH = (None, WORDS, True, ".")


def language(rng):
    """The words a post is written in, picked in the shares of LANGUAGES."""
    draw = rng.random()
    for share, words, spaced, end in LANGUAGES:
        if draw < share:
            return (share, words, spaced, end)
        draw -= share
    return ENGLISH


def sentence(rng, low=6, high=18, tongue=ENGLISH):
    _, vocabulary, spaced, end = tongue
    words = [rng.choice(vocabulary) for _ in range(rng.randint(low, high))]
    if not spaced:
        # Japanese and Chinese are written without spaces; shorter sentences say as much.
        return "".join(words[: max(3, len(words) // 2)]) + end
    text = " ".join(words)
    return text[:1].upper() + text[1:] + end


def paragraph(rng, tongue=ENGLISH):
    return " ".join(sentence(rng, tongue=tongue) for _ in range(rng.randint(2, 6)))


def anchor_of(heading):
    """GitHub's anchor of an ASCII heading: lower case, spaces to hyphens."""
    return "-".join(heading.lower().split())


def anchor_links(rng, index, headings):
    """Links to headings of earlier posts, as `[text](post-N.md#anchor)`: mostly in this post's
    folder, else in another (`../section-0003/post-N.md#anchor`)."""
    if index == 0 or rng.random() >= ANCHOR_LINK_POSTS:
        return []
    links = []
    folder = index // PER_FOLDER
    for _ in range(rng.randint(*ANCHOR_LINKS_PER_POST)):
        first = folder * PER_FOLDER if rng.random() < ANCHOR_LINKS_SAME_FOLDER else 0
        # A translated post has no English headings to point at: another target, a few tries.
        for _ in range(8):
            target = rng.randrange(first, index) if first < index else rng.randrange(0, index)
            if headings[target]:
                break
        if not headings[target]:
            continue
        anchor = anchor_of(rng.choice(headings[target]))
        path = f"post-{target}.md" if target // PER_FOLDER == folder \
            else f"../section-{target // PER_FOLDER:04d}/post-{target}.md"
        links.append(f"See [{anchor.replace('-', ' ')}]({path}#{anchor}).")
    return links


def post(rng, index, images, headings):
    """Post `index`; `headings` holds each earlier post's English headings (link targets) and
    gets this one's."""
    tongue = language(rng)
    keywords = rng.sample(WORDS, rng.randint(2, 5))
    if tongue is ENGLISH:
        title = " ".join(w.capitalize() for w in rng.sample(WORDS, rng.randint(3, 7)))
    else:
        title = sentence(rng, 3, 7, tongue)[:-1]
    # A translated post's slug is made of English words, as on the multilingual site.
    slug_words = title if tongue is ENGLISH else " ".join(keywords)
    slug = f"{'-'.join(slug_words.lower().split())}-{index}"
    excerpt = sentence(rng, 14, 22, tongue)
    if not tongue[2]:
        # A CJK character says more than a Latin letter: three sentences make a snippet's length.
        excerpt += sentence(rng, 14, 22, tongue) + sentence(rng, 14, 22, tongue)
    own_headings = []
    links = anchor_links(rng, index, headings)
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
    lines += ["---", "", f"# {title}", "", " ".join(keywords).capitalize() + ". " + paragraph(rng, tongue), ""]
    target = rng.randint(2048, 10240)
    section = 0
    while sum(len(line) + 1 for line in lines) < target:
        section += 1
        # Headings are in the post's language, each made unique by its number (an English one
        # is a link target for later posts).
        heading = f"{sentence(rng, 2, 5, tongue)[:-1]} {section}"
        if tongue is ENGLISH:
            own_headings.append(heading)
        lines += [f"## {heading}", "", paragraph(rng, tongue), ""]
        if links and rng.random() < 0.5:
            lines += [links.pop(), ""]
        choice = rng.random()
        if choice < 0.25:
            lines += [f"- {sentence(rng, 3, 8)}" for _ in range(rng.randint(3, 6))] + [""]
        elif choice < 0.45:
            lines += ["```swift", "let value = compute(\"![not an image](nowhere.png)\")", "print(value)", "```", ""]
        elif choice < 0.65:
            name = f"images/figure-{index}-{section}.png"
            images.append(name)
            lines += [f"![{sentence(rng, 3, 6, tongue)[:-1]}]({name} \"Figure {section}\")", ""]
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
    lines += [line for link in links for line in (link, "")]
    headings.append(own_headings)
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
    headings = []
    for index in range(args.posts):
        folder = os.path.join(args.output, f"section-{index // PER_FOLDER:04d}")
        os.makedirs(os.path.join(folder, "images"), exist_ok=True)
        images = []
        text = post(rng, index, images, headings)
        with open(os.path.join(folder, f"post-{index}.md"), "w", encoding="utf-8") as handle:
            handle.write(text)
        for image in images:
            path = os.path.join(folder, image)
            if not os.path.exists(path):
                with open(path, "wb") as handle:
                    handle.write(PNG)


if __name__ == "__main__":
    main()
