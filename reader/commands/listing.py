"""`newsreader list` and `newsreader ticker`: the stored articles and the ticker's headlines,
as lines for a terminal or as JSON."""

from __future__ import annotations

import argparse

from reader.commands.common import open_store, print_json
from reader.commands.screen_text import screen_line, terminal_width
from reader.models import ArticleMeta, ReadingState
from reader.text.dates import local_date
from reader.views.marks import item_mark
from reader.views.ticker_rows import is_breaking
from reader.views.times import local_time


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    metas = store.articles()
    if args.json:
        # the links are in the bodies (not the index): each body read once, its links kept
        links = {a.id: (a.link, list(a.links)) for a in store.iter_articles()} if metas else {}
        states = store.reading.states()
        print_json([article_json(m, *links.get(m.id, (None, [])), states.get(m.id)) for m in metas])
        return 0
    width = terminal_width() - 30  # id (16), two spaces, date (10), two spaces
    for m in metas:
        day = local_date(m.published_at, m.published) or "----------"
        print(f"{m.id}  {day}  {screen_line(m.title, width, align=True)}")
    return 0


def article_json(
    m: ArticleMeta, link: str | None, links: list[str], state: ReadingState | None
) -> dict[str, object]:
    state = state or ReadingState()
    return {
        "id": m.id,
        "title": m.title,
        "published": local_date(m.published_at, m.published),  # the reader's date (TZ)
        "published_at": m.published_at,
        "dateline": m.dateline,
        "source": m.source,
        "paragraphs": m.paragraphs,
        "link": link,
        "links": links,
        "read": state.read,
        "starred": state.starred,
    }


def cmd_ticker(args: argparse.Namespace) -> int:
    store = open_store(args)
    lines = store.headlines()
    if args.json:
        print_json(
            [
                {"time": local_time(h)[0], "headline": h.headline, "article_id": h.article_id}
                | ({"at": h.at} if h.at else {})
                for h in lines
            ]
        )
        return 0
    states = store.reading.states()
    width = terminal_width() - 8  # time (5), a space, the mark, a space
    for h in lines:
        state = states.get(h.article_id or h.id, ReadingState())
        mark = item_mark(
            starred=state.starred,
            unread=not state.read,
            has_article=bool(h.article_id),
            breaking=is_breaking(h.headline),
        )
        print(f"{local_time(h)[0]} {mark} {screen_line(h.headline, width, align=True)}")
    return 0
