"""A line of the ticker (an item, or a day or feed label) and how an item's row is made.
Pure code."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from reader.models import ArticleMeta, Headline, ReadingState

# A headline flagged as breaking news: عاجل (and its forms), "breaking", "urgent".
_EDGE = r"\s|:\-–—()\[\]«»!.,،"
_BREAKING = re.compile(rf"(?:^|[{_EDGE}])(?:عاجل|عاجلة|breaking|urgent)(?=$|[{_EDGE}])", re.I)


@dataclass(frozen=True, slots=True)
class TickerRow:
    """A line of the ticker: a day (or feed) label, or an item (headline and/or article)."""

    key: str  # headline id, article id, or "day:<date>" / "day:feed:<source>" for a label
    text: str
    time: str = ""
    article_id: str | None = None
    unread: bool = False
    starred: bool = False
    source: str = ""  # the feed (or page file) it came from
    breaking: bool = False  # flagged عاجل / breaking
    date: str | None = None  # the reader's date of the item (what it is grouped by)
    seq: int = 0  # order of arrival (after date and time)

    @property
    def is_day(self) -> bool:
        return self.key.startswith("day:")


_UNTOUCHED = ReadingState()


def is_breaking(text: str) -> bool:
    head = text[:80].lower()
    if "عاجل" not in head and "breaking" not in head and "urgent" not in head:
        return False  # most headlines: three substring tests instead of the pattern
    return bool(_BREAKING.search(head))


def item_row(
    item: Headline | ArticleMeta,
    text: str,
    time: str,
    article_id: str | None,
    states: Mapping[str, ReadingState],
    date: str | None,
) -> TickerRow:
    state = states.get(article_id or item.id, _UNTOUCHED)
    return TickerRow(
        key=item.id,
        text=text,
        time=time,
        article_id=article_id,
        unread=article_id is not None and not state.read,
        starred=state.starred,
        source=item.source,
        breaking=is_breaking(text),
        date=date,
        seq=item.seq,
    )
