"""What the article pane shows for an open article: its entities and the spans to highlight
(entity mentions and search matches) over its text ("\\n".join(blocks)). Pure code."""

from __future__ import annotations

from dataclasses import dataclass

from reader.bidi import Span
from reader.library.entity_index import IndexedEntity
from reader.library.search import spans as match_spans
from reader.models import Article
from reader.text.article_text import article_text


@dataclass(frozen=True)
class OpenArticle:
    """The open article as the screen holds it: immutable, so a new one fires the watchers."""

    article: Article
    entities: tuple[IndexedEntity, ...] = ()
    spans: tuple[Span, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id


def analyse(article: Article, query: str = "") -> OpenArticle:
    """The article with its entities and highlights (search matches win overlaps)."""
    from reader.entities import extract  # 40 ms of imports: after the first screen (warm_up)

    text = article_text(article)
    found = extract(text)
    entities = tuple(IndexedEntity(e.key, e.text, e.type, e.count) for e in found)
    matches = [Span(s, e, "match") for s, e in match_spans(query, text)] if query else []
    spans = list(matches)
    for entity in found:
        for start, end in entity.mentions:
            if not any(m.start < end and start < m.end for m in matches):
                spans.append(Span(start, end, entity.type))
    return OpenArticle(article, entities, tuple(sorted(spans, key=lambda s: s.start)))
