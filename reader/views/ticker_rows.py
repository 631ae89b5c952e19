"""What the ticker pane lists: headlines and articles, grouped by day, filtered. Pure code."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from reader.models import ArticleMeta, Headline, ReadingState
from reader.text.dates import day_label


@dataclass(frozen=True)
class TickerRow:
    """A line of the ticker: a day label, or an item (headline and/or article)."""

    key: str  # headline id, article id, or "day:<date>"
    text: str
    time: str = ""
    article_id: str | None = None
    unread: bool = False
    starred: bool = False

    @property
    def is_day(self) -> bool:
        return self.key.startswith("day:")


def build_rows(
    headlines: list[Headline],
    articles: list[ArticleMeta],
    states: Mapping[str, ReadingState],
    only: Collection[str] | None = None,
) -> list[TickerRow]:
    """Headlines, then articles no headline links to, grouped by day (newest day first).

    `only`, when given, keeps the items whose article id or headline id is in it.
    Day labels appear only when the items span more than one day.
    """
    linked = {h.article_id for h in headlines if h.article_id}
    published = {a.id: a.published for a in articles}
    items: list[tuple[str | None, int, TickerRow]] = []
    for line in headlines:
        date = line.date or (published.get(line.article_id) if line.article_id else None)
        items.append(
            (date, line.seq, _row(line.id, line.headline, line.time, line.article_id, states))
        )
    for meta in articles:
        if meta.id not in linked:
            items.append((meta.published, meta.seq, _row(meta.id, meta.title, "", meta.id, states)))
    if only is not None:
        items = [i for i in items if i[2].key in only or i[2].article_id in only]
    items.sort(key=lambda item: (item[0] is None, _neg(item[0]), item[1]))
    days = {date for date, _, _ in items}
    rows: list[TickerRow] = []
    current: object = object()
    for date, _, row in items:
        if len(days) > 1 and date != current:
            rows.append(TickerRow(key=f"day:{date}", text=day_label(date)))
            current = date
        rows.append(row)
    return rows


def _neg(date: str | None) -> str:
    """Sort key putting later ISO dates first."""
    return "".join(chr(0x7F - ord(c)) for c in date) if date else ""


def _row(
    key: str, text: str, time: str, article_id: str | None, states: Mapping[str, ReadingState]
) -> TickerRow:
    state = states.get(article_id or key, ReadingState())
    return TickerRow(
        key=key,
        text=text,
        time=time,
        article_id=article_id,
        unread=article_id is not None and not state.read,
        starred=state.starred,
    )
