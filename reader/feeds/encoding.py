"""Which character encoding a feed is in, when neither HTTP nor the XML declaration says.

feedparser honours a declared encoding (HTTP charset, XML declaration, BOM). An undeclared
feed that is not UTF-8 falls back to windows-1252 there, which turns Arabic into mojibake,
so for those bytes we try the two legacy Arabic code pages and keep the one whose text is
mostly Arabic letters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

LEGACY_ARABIC = ("windows-1256", "iso-8859-6")
MIN_ARABIC_RATIO = 0.8

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    match = _CHARSET.search(content_type or "")
    return match.group(1).lower() if match else None


def xml_encoding(data: bytes) -> str | None:
    """The encoding named in the XML declaration, if any."""
    match = _XML_DECL.match(data[:512])
    return match.group(1).decode("ascii").lower() if match else None


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _arabic(ch: str) -> bool:
    """An Arabic letter, mark, punctuation sign or tatweel."""
    return "\u0600" <= ch <= "\u06ff" and unicodedata.category(ch)[0] in "LMP"


def arabic_ratio(text: str) -> float:
    """The share of non-ASCII characters that form plausible Arabic words.

    A run of non-ASCII characters counts when all of it is Arabic and it does not touch a
    Latin letter: the wrong code page leaves Latin letters inside Arabic words, and a Latin-1
    "café" read as ISO-8859-6 puts an Arabic letter inside a Latin word.
    """
    total = good = 0
    for match in _NON_ASCII.finditer(text):
        run, start, end = match.group(), match.start(), match.end()
        total += len(run)
        touches = text[start - 1 : start].isalpha() or text[end : end + 1].isalpha()
        if not touches and all(_arabic(ch) for ch in run):
            good += len(run)
    return good / total if total else 0.0


def guess_legacy_arabic(data: bytes) -> str | None:
    """windows-1256 or ISO-8859-6 when `data` is not UTF-8 and reads as Arabic in one of them.

    On a tie (short text can read as Arabic in both) windows-1256, far the commoner, wins.
    """
    if data.startswith(_BOMS) or is_utf8(data):
        return None
    best, best_ratio = None, MIN_ARABIC_RATIO
    for name in LEGACY_ARABIC:
        ratio = arabic_ratio(data.decode(name, errors="replace"))
        if ratio > best_ratio or (best is None and ratio == best_ratio):
            best, best_ratio = name, ratio
    return best


def effective_charset(data: bytes, content_type: str | None) -> str | None:
    """The charset to tell feedparser, or None to leave the choice to feedparser.

    A declared encoding is trusted unless it claims UTF-8 (or ASCII) for bytes that are not.
    """
    declared = header_charset(content_type) or xml_encoding(data)
    if declared and declared.replace("_", "-") not in ("utf-8", "utf8", "us-ascii", "ascii"):
        return None
    return guess_legacy_arabic(data)
