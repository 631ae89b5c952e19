"""The matching normalisation of docs/entities.md: one spelling per name, offsets kept apart.

`normalise` folds hamza carriers, alif maqsura, taa marbuta, Persian look-alikes and the
ميرك/مريك spelling, and drops harakat, tatweel and invisible format characters. It works per
character (except ميرك), so tokens can map a normalised position back to the original text.
"""

from __future__ import annotations

import re

_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ی": "ي",
    "ې": "ي",
    "ک": "ك",
    "گ": "ك",
    "پ": "ب",
    "ڤ": "ف",
    "چ": "ج",
}
_DROP = [chr(c) for c in range(0x064B, 0x0660)] + [
    "\u0670",  # superscript alif
    "\u0640",  # tatweel
    "\u200c",  # ZWNJ
    "\u200d",  # ZWJ
    "\u200e",  # LRM
    "\u200f",  # RLM
    "\u061c",  # Arabic letter mark
    "\u00ad",  # soft hyphen
]
_TABLE = str.maketrans({**_FOLD, **dict.fromkeys(_DROP)})
_DROPPED = frozenset(_DROP)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Character folding only (no ميرك rule, no space squeezing): keeps word boundaries."""
    return text.translate(_TABLE)


def normalise(text: str) -> str:
    """The form names are matched in: folded, lower-cased, single-spaced, ميرك → مريك."""
    folded = fold(text).lower().replace("ميرك", "مريك")
    return _SPACES.sub(" ", folded).strip()


def is_dropped(char: str) -> bool:
    """True for the marks `normalise` removes (harakat, tatweel, format characters)."""
    return char in _DROPPED
