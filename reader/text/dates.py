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


def local_date(at: str | None, stored: str | None) -> str | None:
    """The reader's date (YYYY-MM-DD, in `TZ`) of a time stored with its zone (UTC); the
    date as stored when there is none (older records, pages: their dates have no zone)."""
    if at:
        try:
            when = datetime.fromisoformat(at)
        except ValueError:
            return stored
        if when.tzinfo is not None:
            return when.astimezone().date().isoformat()
    return stored


def day_label(iso: str | None) -> str:
    if not iso:
        return UNDATED
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTH_NAMES[int(month) - 1]} {year}"
