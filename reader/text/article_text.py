"""An article as one text: title, meta line, paragraphs joined by newlines. The entity index
stores offsets into this text and the article pane highlights them, so both use this module."""

from __future__ import annotations

from reader.models import Article
from reader.text.dates import day_label, local_date

# A page imported from a file has the file's name as its source: not worth a reader's eye.
PAGE_FILES = (".txt", ".html", ".htm")


def meta_line(article: Article) -> str:
    """ "18 فبراير 2021 · صدى الاعلام · author · source": what is known of them. A page
    imported from a file has only the file's name as its source, which is left out."""
    source = "" if article.source.lower().endswith(PAGE_FILES) else article.source
    published = local_date(article.published_at, article.published)
    parts = [
        day_label(published) if published else "",
        article.dateline or "",
        article.author or "",
        source,
    ]
    return " · ".join(part for part in parts if part)


def blocks(article: Article) -> list[str]:
    return [article.title, meta_line(article), *article.paragraphs]


def block_offsets(article: Article) -> list[int]:
    """Start offset of each block in "\\n".join(blocks(article)), the text entities index."""
    offsets, at = [], 0
    for block in blocks(article):
        offsets.append(at)
        at += len(block) + 1
    return offsets


def article_text(article: Article) -> str:
    return "\n".join(blocks(article))
