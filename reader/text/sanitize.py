"""Make untrusted article text safe to store and to show.

Feed and page text is hostile input: terminal escape sequences, control characters, bidi
override characters, invalid UTF-8, enormous lines. Everything that enters the store passes
through `decode` (bytes) and `clean_text` (str) first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ESC-introduced sequences: CSI, OSC/DCS/SOS/PM/APC strings (ended by BEL or ST), and the
# two-character escapes; the 8-bit CSI (U+009B) and 8-bit string introducers too.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 (but tab and newline), DEL, C1, embeddings/overrides/isolates, BOM/ZWNBSP, noncharacters.
_REMOVE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")

BINARY_RATIO = 0.10


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with what had to be repaired."""

    text: str
    problems: tuple[str, ...] = ()
    binary: bool = False


def decode(data: bytes) -> Decoded:
    """Decode UTF-8 bytes, never failing: a BOM is dropped, bad bytes become U+FFFD.

    Input that is mostly control bytes or undecodable is reported as binary instead.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    sample = text[:65536]
    junk = sum(1 for ch in sample if ch == "\ufffd" or (ch < " " and ch not in "\t\n\r\x1b"))
    if len(sample) >= 64 and junk / len(sample) > BINARY_RATIO:
        return Decoded("", ("binary file: not text",), binary=True)
    problems = (f"invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD",) if bad else ()
    return Decoded(text, problems)


def normalise_newlines(text: str) -> str:
    """CRLF, CR and the Unicode line/paragraph separators become plain newlines."""
    return _BREAKS.sub("\n", text)


def clean_line(text: str) -> str:
    """One line of text made safe: no escapes, no controls, no overrides, spaces folded."""
    text = _ESCAPES.sub("", text.replace("\n", " "))
    text = _REMOVE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def clean_text(text: str) -> str:
    """Multi-line text made safe, line by line; newlines are kept."""
    return "\n".join(clean_line(line) for line in normalise_newlines(text).split("\n"))


def split_long(paragraph: str, limit: int = 20_000) -> list[str]:
    """Split an enormous paragraph at spaces into pieces of at most `limit` characters.

    Nothing is dropped: a piece with no space in range is cut at the limit.
    """
    pieces: list[str] = []
    while len(paragraph) > limit:
        cut = paragraph.rfind(" ", limit // 2, limit + 1)
        cut = limit if cut == -1 else cut
        pieces.append(paragraph[:cut].strip())
        paragraph = paragraph[cut:].strip()
    pieces.append(paragraph)
    return [p for p in pieces if p]
