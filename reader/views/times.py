"""Times as the reader sees them: a feed item's time is stored in UTC and shown in the
reader's own zone (`TZ`), so a server in another zone still shows the reader's times. Older
records (and page tickers, whose times have no zone) keep the time they were stored with."""

from __future__ import annotations

from datetime import datetime

from reader.models import Headline


def local_time(line: Headline) -> tuple[str, str | None]:
    """(HH:MM, YYYY-MM-DD or None) of a headline in the local zone."""
    if line.at:
        try:
            when = datetime.fromisoformat(line.at)
        except ValueError:
            return line.time, line.date
        if when.tzinfo is not None:
            local = when.astimezone()
            return local.strftime("%H:%M"), local.date().isoformat()
    return line.time, line.date
