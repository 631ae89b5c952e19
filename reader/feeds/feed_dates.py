"""A feed's date as a POSIX time. The two forms nearly every feed writes, RFC 822 with a
numeric zone (`Tue, 05 Mar 2024 09:00:00 +0300`) and W3C/ISO 8601 (`2024-03-05T09:00:00Z`),
are read here directly, with the exact result feedparser gives them; everything else goes to
feedparser's dozen handlers (named zones, two-digit years, Korean or Greek dates...).

Measured on the generated feed (benchmarks/feedgen.py): feedparser's `_parse_date` costs
about 20 µs a date (it tries the W3C reader first, then RFC 822); the direct path about 3.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime

_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {name: number for number, name in enumerate(_NAMES, 1)}
_RFC822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?([0-9]{1,2}) (" + "|".join(_NAMES) + ") "
    r"([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) (?:([+-])([0-9]{2})([0-9]{2})|GMT|UTC|UT|Z)"
)
_W3C = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]{1,9})?"
    r"(?:Z|([+-])([0-9]{2}):([0-9]{2}))"
)


def feed_time(text: str) -> float | None:
    """Seconds since the epoch (UTC), or None when no reader understands `text`."""
    if (match := _RFC822.fullmatch(text)) is not None:
        day, month, year, hour, minute, second, sign, zone_h, zone_m = match.groups()
        fields = (int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second))
    elif (match := _W3C.fullmatch(text)) is not None:
        year, month, day, hour, minute, second, sign, zone_h, zone_m = match.groups()
        fields = (int(year), int(month), int(day), int(hour), int(minute), int(second))
    else:
        return _slow(text)
    try:
        datetime(*fields)  # a real date (feedparser's handlers reject 31 February)
    except ValueError:
        return _slow(text)
    if not 1000 <= fields[0] <= 9000:  # far from the ends of datetime's range
        return _slow(text)
    offset = 0
    if sign is not None:
        offset = (int(zone_h) * 3600 + int(zone_m) * 60) * (-1 if sign == "-" else 1)
    return float(calendar.timegm(fields) - offset)


def _slow(text: str) -> float | None:
    from feedparser.datetimes import _parse_date  # imported when needed: 50 ms at start-up

    stamp = _parse_date(text)
    return float(calendar.timegm(stamp)) if stamp else None
