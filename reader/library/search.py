"""Search titles and bodies, insensitive to harakat, tatweel, alef/hamza, ة/ه and ى/ي."""

from __future__ import annotations

from collections.abc import Iterable

from reader.models import Article, Headline
from reader.text.folding import fold


def matches(query: str, text: str) -> bool:
    needle = fold(query)
    return bool(needle) and needle in fold(text)


def search(query: str, headlines: Iterable[Headline], articles: Iterable[Article]) -> set[str]:
    """Ids of the headlines and articles whose text contains the query."""
    needle = fold(query)
    if not needle:
        return set()
    found = {h.id for h in headlines if needle in fold(h.headline)}
    for article in articles:
        if needle in fold(" ".join((article.title, *article.paragraphs))):
            found.add(article.id)
    return found


def spans(query: str, text: str) -> list[tuple[int, int]]:
    """Where the query occurs in `text`, as [start, end) offsets into the original text."""
    needle = fold(query)
    if not needle:
        return []
    folded, index = _fold_with_index(text)
    found, start = [], folded.find(needle)
    while start != -1:
        end = start + len(needle)
        found.append((index[start], index[end - 1] + 1))
        start = folded.find(needle, end)
    return found


def _fold_with_index(text: str) -> tuple[str, list[int]]:
    """fold() applied character by character, with each folded char's source offset."""
    out: list[str] = []
    index: list[int] = []
    for offset, ch in enumerate(text):
        piece = fold(ch) if not ch.isspace() else " "
        if out and piece == " " and out[-1] == " ":
            continue
        for c in piece:
            out.append(c)
            index.append(offset)
    return "".join(out), index
