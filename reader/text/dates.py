"""Dates as the reader sees them: "5 مارس 2024", or "بدون تاريخ" for an undated article."""

from __future__ import annotations

from datetime import datetime

MONTH_NAMES = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
UNDATED = "بدون تاريخ"


def local_moment(at: str | None) -> datetime | None:
    """A time stored with its zone (ISO 8601, UTC), in the reader's zone (`TZ`); None when
    there is none, it has no zone, or it does not parse."""
    if not at:
        return None
    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        return None
    return when.astimezone() if when.tzinfo is not None else None


def local_date(at: str | None, stored: str | None) -> str | None:
    """The reader's date (YYYY-MM-DD, in `TZ`) of a time stored with its zone (UTC); the
    date as stored when there is none (older records, pages: their dates have no zone)."""
    when = local_moment(at)
    return when.date().isoformat() if when else stored


def day_label(iso: str | None) -> str:
    if not iso:
        return UNDATED
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTH_NAMES[int(month) - 1]} {year}"
