"""Messages workers post to the main screen (post_message is thread-safe)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.bidi import Span
from reader.library.entity_index import IndexedEntity
from reader.models import Article
from reader.views.ticker_rows import TickerRow


@dataclass
class StoreChanged(Message):
    """The store was opened or changed: rebuild the ticker."""

    note: str = ""


@dataclass
class RowsBuilt(Message):
    """The ticker's rows for the current filter, built in a worker."""

    rows: list[TickerRow]
    note: str = ""


@dataclass
class ArticleLoaded(Message):
    article: Article
    entities: tuple[IndexedEntity, ...]
    spans: tuple[Span, ...]


@dataclass
class SearchDone(Message):
    query: str
    found: frozenset[str]


@dataclass
class Progress(Message):
    """Background work to report in the status line."""

    text: str


@dataclass
class Announce(Message):
    """New items: the terminal bell and/or a desktop notification sequence to write."""

    sequence: str
