"""Which month files hold the newest records, so the first screen (and each page after it)
parses only those, however busy a month is.

A busy month is many part files (`YYYY-MM.001.json`, ...) written in the order of storing,
so a part's records are not in date order with the others'. `index/months.json` records the
newest day of each file; the files are taken newest day first until they hold the wanted
number of records, then every further file whose newest day is on or after the day of the
wanted-th newest record (less a day: the ticker shows local dates, the files hold UTC) is
taken too, so nothing newer than what is shown stays unread. A file whose newest day is not
known yet (counted by an older release, or a copied database) counts as its month's last
day: it is taken with its month, as all files were before.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from reader.library.month_records import Tally, month_of_part


def newest_day(name: str, counted: Tally | None) -> str:
    """The sort key of a file: its newest day; undated (and an old index.json) last."""
    month = month_of_part(name)
    if not month[:1].isdigit():
        return ""
    if counted is None or not counted.newest:
        return f"{month}-99"
    return counted.newest


def newest_first(names: list[str], counted: dict[str, Tally]) -> list[str]:
    """The files by newest day, newest first (a month's later parts first on a tie)."""
    return sorted(names, key=lambda n: (newest_day(n, counted.get(n)), n), reverse=True)


def take_newest(
    names: list[str],
    counted: dict[str, Tally],
    days_of: Callable[[str], list[str]],
    items: int,
) -> Iterator[str]:
    """Yield the files to hold the newest `items` records, newest first. The caller loads
    each file as it is yielded; `days_of(name)` then gives the days of its records."""
    days: list[str] = []
    cutoff: str | None = None
    for name in newest_first(names, counted):
        if len(days) >= items:
            if cutoff is None:
                cutoff = day_before(heapq.nlargest(items, days)[-1])
            if newest_day(name, counted.get(name)) < cutoff:
                return
        yield name
        days += days_of(name)


def day_before(day: str) -> str:
    try:
        return (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    except ValueError:  # "" (undated): nothing is older, take everything
        return ""
