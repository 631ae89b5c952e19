"""An article as screen lines: shared by `newsreader show` and the app's article pane, so
both put exactly the same cells on screen. Pure code (no Textual)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.bidi import Span, VisualLine, layout_paragraph
from reader.bidi.modes import Mode
from reader.models import Article
from reader.text.article_text import block_offsets, blocks

TITLE, META = 0, 1  # block indices; body paragraphs follow from 2


@dataclass(frozen=True)
class ArticleLine:
    block: int  # 0 title, 1 date/dateline/source line, 2.. body paragraphs
    line: VisualLine | None  # None: the blank line between blocks


def article_lines(
    article: Article, width: int, mode: Mode = "app", spans: Sequence[Span] = ()
) -> list[ArticleLine]:
    """Every screen line of the article; `spans` are offsets into "\\n".join(blocks)."""
    out: list[ArticleLine] = []
    for index, (text, start) in enumerate(
        zip(blocks(article), block_offsets(article), strict=True)
    ):
        if index == META and not text:
            continue  # nothing known of date, dateline or source: no empty line for it
        end = start + len(text)
        local = tuple(
            Span(max(s.start, start) - start, min(s.end, end) - start, s.style)
            for s in spans
            if s.start < end and s.end > start
        )
        if index > META:
            out.append(ArticleLine(index, None))
        out.extend(
            ArticleLine(index, line) for line in layout_paragraph(text, width, mode, spans=local)
        )
    return out
