"""Arabic dates as news sites write them: `18 فبراير 2021`, `١٥ آذار ٢٠٢٤`, `3 شباط/فبراير 2022`."""

from __future__ import annotations

import re
from datetime import date

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Egyptian/Gulf (transliterated) and Levantine (Syriac) month names, with common spellings.
MONTHS: dict[str, int] = {
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "أبريل": 4,
    "ابريل": 4,
    "إبريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "أغسطس": 8,
    "اغسطس": 8,
    "سبتمبر": 9,
    "أكتوبر": 10,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    "كانون الثاني": 1,
    "شباط": 2,
    "آذار": 3,
    "اذار": 3,
    "نيسان": 4,
    "أيار": 5,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "آب": 8,
    "اب": 8,
    "أيلول": 9,
    "ايلول": 9,
    "تشرين الأول": 10,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الأول": 12,
    "كانون الاول": 12,
}
_NAMES = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_WEEKDAYS = "الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت"

# day, month (maybe "شباط/فبراير" or "شباط (فبراير)"), year
_DATE = re.compile(
    rf"(?:(?:{_WEEKDAYS})\s*[،,]?\s*)?"
    rf"(?P<day>\d{{1,2}})\s*(?P<month>{_NAMES})"
    rf"(?:\s*(?:/|\()\s*(?P<alt>{_NAMES})\s*\)?)?\s*[،,]?\s*(?P<year>\d{{4}})"
)
_UPDATED = re.compile(r"\s*(?:آخر|اخر)\s+تحديث\s*:?\s*(?P<note>.*)$")


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits become ASCII digits."""
    return text.translate(_DIGITS)


def parse_date(text: str) -> str | None:
    """The first Arabic date in `text`, as YYYY-MM-DD, or None."""
    match = _DATE.search(to_ascii_digits(text))
    return _iso(match) if match else None


def parse_date_line(line: str) -> tuple[str, str | None] | None:
    """A line that is only a date, maybe with "آخر تحديث : ..." glued on.

    Returns (YYYY-MM-DD, updated note or None), or None when the line is not a date line.
    """
    line = to_ascii_digits(line.strip())
    match = _DATE.match(line)
    if not match or not (iso := _iso(match)):
        return None
    rest = line[match.end() :]
    rest = re.sub(r"^\s*[-–|،,]?\s*\d{1,2}:\d{2}(?:\s*[صم])?", "", rest)  # a time of day
    if not rest.strip():
        return iso, None
    updated = _UPDATED.match(rest)
    if updated:
        return iso, updated.group("note").strip() or None
    return None


def _iso(match: re.Match[str]) -> str | None:
    month = MONTHS[match.group("month")]
    try:
        return date(int(match.group("year")), month, int(match.group("day"))).isoformat()
    except ValueError:
        return None
