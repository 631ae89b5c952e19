"""What the article pane highlights: entity mentions and search matches, as spans over the
article's text ("\\n".join(blocks)). Pure code."""

from __future__ import annotations

from reader.bidi import Span
from reader.entities import extract
from reader.library.entity_index import IndexedEntity
from reader.library.search import spans as match_spans
from reader.models import Article
from reader.text.article_text import article_text


def analyse(
    article: Article, query: str = ""
) -> tuple[tuple[IndexedEntity, ...], tuple[Span, ...]]:
    """The article's entities and the spans to highlight (search matches win overlaps)."""
    text = article_text(article)
    found = extract(text)
    entities = tuple(IndexedEntity(e.key, e.text, e.type, e.count) for e in found)
    matches = [Span(s, e, "match") for s, e in match_spans(query, text)] if query else []
    spans = list(matches)
    for entity in found:
        for start, end in entity.mentions:
            if not any(m.start < end and start < m.end for m in matches):
                spans.append(Span(start, end, entity.type))
    return entities, tuple(sorted(spans, key=lambda s: s.start))
