from hypothesis import given
from hypothesis import strategies as st

from reader.models import ArticleMeta, Headline, ReadingState
from reader.text.dates import UNDATED, day_label
from reader.views.ticker_rows import Positions, TickerRow, build_rows, restate


def headline(
    key: str, time: str, text: str, seq: int, article: str | None = None, date: str | None = None
) -> Headline:
    return Headline(key, time, text, "src", article, date, seq)


def meta(key: str, title: str, seq: int, published: str | None) -> ArticleMeta:
    return ArticleMeta(key, title, "src", published, None, 3, seq)


def test_single_day_has_no_labels_and_keeps_page_order() -> None:
    rows = build_rows(
        [headline("h1", "13:49", "أ", 1, "a1"), headline("h2", "09:47", "ب", 2)],
        [meta("a1", "أ", 3, None)],
        {},
    )
    assert [(r.key, r.time, r.article_id) for r in rows] == [
        ("h1", "13:49", "a1"),
        ("h2", "09:47", None),
    ]
    assert rows[0].unread and not rows[1].unread  # a ticker-only line has nothing to read


def test_articles_without_a_headline_are_listed_and_days_are_labelled_newest_first() -> None:
    rows = build_rows(
        [headline("h1", "10:00", "خبر", 1, date="2021-02-17")],
        [meta("a1", "مقال", 2, "2021-02-18"), meta("a2", "آخر", 3, None)],
        {"a1": ReadingState(read=True, starred=True)},
    )
    assert [r.text for r in rows] == [
        "18 فبراير 2021",
        "مقال",
        "17 فبراير 2021",
        "خبر",
        UNDATED,
        "آخر",
    ]
    assert rows[1].starred and not rows[1].unread and rows[0].is_day


def test_filter_keeps_matching_articles_and_headlines() -> None:
    rows = build_rows(
        [headline("h1", "10:00", "خبر", 1, "a1"), headline("h2", "11:00", "ب", 2)],
        [meta("a1", "خبر", 3, None), meta("a2", "مقال", 4, None)],
        {},
        only={"a1"},
    )
    assert [r.key for r in rows] == ["h1"]


def test_day_label_in_arabic() -> None:
    assert day_label("2024-03-05") == "5 مارس 2024"
    assert day_label(None) == UNDATED


def test_restate_changes_every_row_of_that_article_and_no_other() -> None:
    rows = tuple(
        build_rows(
            [headline("h1", "13:49", "أ", 1, "a1"), headline("h2", "09:47", "ب", 2, "a2")],
            [meta("a1", "أ", 3, None), meta("a2", "ب", 4, None)],
            {},
        )
    )
    changed = restate(rows, "a1", ReadingState(read=True, starred=True))
    by_article = {r.article_id: r for r in changed}
    assert not by_article["a1"].unread and by_article["a1"].starred
    assert by_article["a2"] == next(r for r in rows if r.article_id == "a2")
    assert restate(rows, "missing", ReadingState(read=True)) == rows


def test_restate_with_the_rows_positions_changes_the_same_rows() -> None:
    rows = tuple(
        build_rows(
            [headline("h1", "13:49", "أ", 1, "a1"), headline("h2", "09:47", "ب", 2, "a1"),
             headline("h3", "08:00", "ج", 3, "a2")],
            [meta("a1", "أ", 3, None), meta("a2", "ب", 4, None)],
            {},
        )
    )  # fmt: skip
    positions = Positions(rows)
    assert positions.of("a1") == [i for i, r in enumerate(rows) if r.article_id == "a1"]
    assert len(positions.of("a1")) == 2 and positions.of("a2") != []  # both a1 rows change
    state = ReadingState(read=True, starred=True)
    assert restate(rows, "a1", state, positions) == restate(rows, "a1", state)
    assert [r.unread for r in restate(rows, "a1", state, positions) if r.article_id == "a1"] == [
        False,
        False,
    ]
    assert restate(rows, "missing", state, positions) is rows


@given(st.lists(st.sampled_from([None, "a1", "a2", "a3", "a4"]), max_size=40))
def test_positions_are_every_row_of_an_article_in_order(ids: list[str | None]) -> None:
    """However the rows repeat an article (two headlines link it) or carry none (labels,
    ticker-only lines), `of` finds exactly the rows a scan of them would."""
    rows = tuple(TickerRow(key=f"k{i}", text="", article_id=a) for i, a in enumerate(ids))
    positions = Positions(rows)
    for article in ("a1", "a2", "a3", "a4", "missing"):
        assert positions.of(article) == [i for i, a in enumerate(ids) if a == article]
