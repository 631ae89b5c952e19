"""The direct reader of the two common feed date forms gives feedparser's answer exactly."""

from __future__ import annotations

import calendar

from feedparser.datetimes import _parse_date
from hypothesis import given
from hypothesis import strategies as st

from reader.feeds.feed_dates import _RFC822, _W3C, feed_time

two = st.integers(0, 99).map(lambda n: f"{n:02d}")
year = st.sampled_from(["0001", "0999", "1000", "1999", "2024", "9000", "9999"])
day = st.sampled_from(["", "Tue, ", "Xyz, "]).flatmap(lambda w: two.map(lambda d: w + d))
month = st.sampled_from(["Jan", "Feb", "Mar", "Dec", "jan", "Foo"])
zone = st.sampled_from(["+0000", "+0300", "-0530", "+2400", "GMT", "UT", "Z", "EST", "+03:00"])
rfc822 = st.tuples(day, month, year, two, two, two, zone).map(
    lambda p: f"{p[0]} {p[1]} {p[2]} {p[3]}:{p[4]}:{p[5]} {p[6]}"
)
w3c_zone = st.sampled_from(["Z", "z", "", "+03:00", "-05:30", "+0300", "-99:99"])
fraction = st.sampled_from(["", ".5", ".123456", ".1234567890"])
w3c = st.tuples(year, two, two, two, two, two, fraction, w3c_zone).map(
    lambda p: f"{p[0]}-{p[1]}-{p[2]}T{p[3]}:{p[4]}:{p[5]}{p[6]}{p[7]}"
)


def feedparser_time(text: str) -> float | str | None:
    try:
        stamp = _parse_date(text)
        return float(calendar.timegm(stamp)) if stamp else None
    except ValueError as error:  # a year 0: stream.py's callers treat it as not fast
        return type(error).__name__


def ours(text: str) -> float | str | None:
    try:
        return feed_time(text)
    except ValueError as error:
        return type(error).__name__


@given(st.one_of(rfc822, w3c))
def test_same_answer_as_feedparser(text: str) -> None:
    assert ours(text) == feedparser_time(text)


def test_the_common_forms_take_the_direct_path() -> None:
    assert _RFC822.fullmatch("Tue, 05 Mar 2024 09:00:00 +0300")
    assert _W3C.fullmatch("2024-03-05T09:00:00Z")
    assert feed_time("Tue, 05 Mar 2024 09:00:00 +0300") == 1709618400.0
    assert feed_time("2024-03-05T06:00:00Z") == 1709618400.0
    assert feed_time("Tuesday, 5 March 2024") == feedparser_time("Tuesday, 5 March 2024")
