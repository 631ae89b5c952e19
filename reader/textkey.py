"""Folding Arabic text for matching: titles to headlines, search queries to bodies."""

from __future__ import annotations

import re

_HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # marks, tatweel
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ی": "ي",
        "ک": "ك",
        "\u200c": None,
        "\u200d": None,
        "\u200e": None,
        "\u200f": None,
    }
)


def fold(text: str) -> str:
    """Case, harakat, tatweel, alef/hamza, ة/ه and ى/ي variants folded; spaces collapsed."""
    text = _HARAKAT.sub("", text).translate(_FOLD).casefold()
    return " ".join(text.split())
