"""A month file's tally (index/months.json) against the day of each of its records: the
tally checks each distinct day once, and must find the very day `record_day` finds."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.library.month_records import record_day, tally

DATES = st.one_of(
    st.none(),
    st.just(""),
    st.dates().map(str),  # 2024-03-05
    st.datetimes().map(lambda when: when.isoformat()),  # 2024-03-05T09:00:00
    st.sampled_from(["Tue, 05 Mar 2024", "2024-3-5", "2025-13-99x", "٢٠٢٤-٠٣-٠٥", "9999"]),
    st.text(max_size=12),
    st.integers(),  # a hand-edited file: not a date
)
RECORD = st.dictionaries(st.sampled_from(["published_at", "published", "at", "date"]), DATES)
TABLE = st.dictionaries(st.integers(1, 10_000).map(str), RECORD, max_size=8)


@settings(deadline=None)  # a check of equality, not of time (the machine may be busy)
@given(articles=TABLE, headlines=TABLE, which=st.sampled_from(["both", "articles", "none"]))
def test_the_newest_day_is_the_newest_record_day(
    articles: dict[str, dict[str, Any]], headlines: dict[str, dict[str, Any]], which: str
) -> None:
    chosen = {
        "both": {"articles": articles, "headlines": headlines},
        "articles": {"articles": articles},
        "none": {},
    }[which]
    records = [*chosen.get("articles", {}).values(), *chosen.get("headlines", {}).values()]
    counted = tally(chosen)
    assert counted.newest == max(map(record_day, records), default="")
    assert counted.articles == len(chosen.get("articles", {}))
    assert counted.headlines == len(chosen.get("headlines", {}))
