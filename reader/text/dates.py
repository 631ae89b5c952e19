"""Dates as the reader sees them: "5 مارس 2024", or "بدون تاريخ" for an undated article."""

from __future__ import annotations

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


def day_label(iso: str | None) -> str:
    if not iso:
        return UNDATED
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTH_NAMES[int(month) - 1]} {year}"
