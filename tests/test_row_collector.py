"""Rows made from records given in batches (the library's files one at a time) are the rows
made from all of them at once, however the records are split: the cross-batch cases are an
article listed alone before a later batch's headline links it, a headline linking an
article of an earlier or later batch, and a headline without a date waiting for its
article's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.models import ArticleMeta, Headline, ReadingState
from reader.views.row_collector import RowCollector

ARTICLES = [f"a{i}" for i in range(6)]
DATES = [None, "2024-03-01", "2024-03-02", "2024-04-09"]


@st.composite
def stores(draw: st.DrawFn) -> tuple[list[Headline], list[ArticleMeta]]:
    metas = [
        ArticleMeta(key, f"t{key}", draw(st.sampled_from("xy")), draw(st.sampled_from(DATES)),
                    None, 1, seq)
        for seq, key in enumerate(draw(st.lists(st.sampled_from(ARTICLES), unique=True)))
    ]  # fmt: skip
    lines = [
        Headline(f"h{i}", draw(st.sampled_from(["", "09:47", "13:00"])), f"l{i}",
                 draw(st.sampled_from("xy")), draw(st.sampled_from([None, *ARTICLES])),
                 draw(st.sampled_from(DATES)), 100 + i)
        for i in range(draw(st.integers(0, 8)))
    ]  # fmt: skip
    return lines, metas


def collected(
    batches: list[tuple[list[Headline], list[ArticleMeta]]], **options: object
) -> list[tuple[object, ...]]:
    order = str(options.pop("order", "newest"))
    states = {"a1": ReadingState(read=True), "a2": ReadingState(read=True, starred=True)}
    rows = RowCollector(states, **options)  # type: ignore[arg-type]
    for lines, metas in batches:
        rows.add(lines, metas)
    return [(r.key, r.text, r.time, r.article_id, r.unread, r.date) for r in rows.rows(order)]


@given(stores(), st.lists(st.integers(0, 3), min_size=20, max_size=20), st.data())
def test_any_split_into_batches_gives_the_rows_of_one_batch(
    store: tuple[list[Headline], list[ArticleMeta]], places: list[int], data: st.DataObject
) -> None:
    lines, metas = store
    batches: list[tuple[list[Headline], list[ArticleMeta]]] = [([], []) for _ in range(4)]
    for i, line in enumerate(lines):
        # as the library gives them: a headline without a date in the first batch (its
        # article there or later)
        batches[places[i] if line.date else 0][0].append(line)
    for i, meta in enumerate(metas):
        batches[places[-1 - i]][1].append(meta)
    options = data.draw(
        st.sampled_from([{}, {"order": "oldest"}, {"order": "feed"}, {"show_read": False},
                         {"feed": "x"}, {"only": {"a0", "h1", "a3"}}])
    )  # fmt: skip
    assert collected(batches, **dict(options)) == collected([(lines, metas)], **dict(options))


def test_an_article_alone_in_one_batch_is_dropped_when_a_later_headline_links_it() -> None:
    article = ArticleMeta("a1", "مقال", "s", "2024-03-01", None, 2, 1)
    line = Headline("h1", "10:00", "مقال", "s", "a1", "2024-03-01", 2)
    assert collected([([], [article]), ([line], [])]) == collected([([line], [article])])
    assert [key for key, *_ in collected([([], [article]), ([line], [])])] == ["h1"]


def test_a_headline_without_a_date_takes_its_later_articles_date() -> None:
    line = Headline("h1", "10:00", "خبر", "s", "a1", None, 2)
    article = ArticleMeta("a1", "مقال", "s", "2024-03-05", None, 2, 1)
    rows = collected([([line], []), ([], [article])])
    assert rows == collected([([line], [article])])
    assert [row[5] for row in rows] == ["2024-03-05"]
