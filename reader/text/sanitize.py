"""Make untrusted article text safe to store and to show.

Feed and page text is hostile input: terminal escape sequences, control characters, bidi
override characters, invalid UTF-8, enormous lines. Everything that enters the store passes
through `decode` (bytes) and `clean_text` (str) first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ESC-introduced sequences: CSI, OSC/DCS/SOS/PM/APC strings, and the two-character escapes;
# the 8-bit CSI (U+009B) and 8-bit string introducers too. A string is removed with its
# payload only when it ends (BEL or ST) within STRING_LIMIT characters and holds no other
# introducer; otherwise only the introducer goes and the text after it is kept (a lone
# U+0098 used to swallow the rest of the line). Both bounds keep the scan linear.
STRING_LIMIT = 1024
_INTRODUCERS = "\x90\x98\x9d\x9e\x9f"
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    rf"|(?:\x1b[\]PX^_]|[{_INTRODUCERS}])[^\x07\x1b\x9c{_INTRODUCERS}]{{0,{STRING_LIMIT}}}"
    r"(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 (but tab and newline), DEL, C1, embeddings/overrides/isolates, BOM/ZWNBSP, noncharacters;
# invisible characters a terminal cannot honour: soft hyphen (drawn as a hyphen), zero-width
# space, word joiner and invisible operators, the Mongolian vowel separator, the deprecated
# format characters and the tag block (U+E0000-E007F). ZWJ, ZWNJ and the bidi marks
# (LRM, RLM, ALM) are kept: Arabic and Persian spelling and number order need them.
_REMOVE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u180e\u200b\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff\U000e0000-\U000e007f]"
)
# Lone surrogates (from a JSON "\\ud800" or an undecodable file name) cannot be written as
# UTF-8: each becomes U+FFFD, so one bad string never costs a write.
_SURROGATES = re.compile("[\ud800-\udfff]")
# Every character that starts an escape or is removed or replaced above (a superset, one class:
# one quick scan tells whether clean_line has more to do than fold spaces).
_SUSPECT_CLASS = (
    "\x00-\x1f\x7f-\x9f\xad\u180e\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\U000e0000-\U000e007f\ud800-\udfff"
)
_SUSPECT = re.compile(f"[{_SUSPECT_CLASS}]")
# Numeric character references no parser can turn into a character: a surrogate, or beyond
# U+10FFFF. One such reference made feedparser raise and lost the whole feed. The pattern
# only looks at references of U+D000 and up (Arabic as &#1575; is never touched).
_BIG_REFERENCE = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]{5,}|[dDeEfF][0-9a-fA-F]{3})|0*([0-9]{5,}));")
# Runs of spaces but a lone " " (most spaces are lone: leaving them unmatched makes the
# substitution twice as fast), and the spaces other than " ", alone (the quick test).
_SPACE_CLASS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f" [ {_SPACE_CLASS}]+|[{_SPACE_CLASS}][ {_SPACE_CLASS}]*")
_OTHER_SPACES = re.compile(f"[{_SPACE_CLASS}]")
_UNCLEAN = re.compile(f"[{_SUSPECT_CLASS}{_SPACE_CLASS}]")  # either: one scan, not two
_BREAKS = re.compile("[\r\u2028\u2029\x85\x0b\x0c]")  # after "\r\n" became "\n"

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


def safe_references(data: bytes) -> bytes:
    """Markup bytes with every surrogate or out-of-range character reference made U+FFFD."""
    return _BIG_REFERENCE.sub(_replace_reference, data) if b"&#" in data else data


def _replace_reference(match: re.Match[bytes]) -> bytes:
    hexadecimal, decimal = match[1], match[2]
    digits = (hexadecimal or decimal).lstrip(b"0")
    if len(digits) > 8:
        return b"&#xfffd;"
    value = int(hexadecimal, 16) if hexadecimal else int(decimal)
    return b"&#xfffd;" if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF else match[0]


def normalise_newlines(text: str) -> str:
    """CRLF, CR and the Unicode line/paragraph separators become plain newlines."""
    return _BREAKS.sub("\n", text.replace("\r\n", "\n"))


def clean_line(text: str) -> str:
    """One line of text made safe: no escapes, no controls, no overrides, spaces folded."""
    if not _SUSPECT.search(text):  # nothing to remove (most text): fold the spaces only
        if "  " not in text and not _OTHER_SPACES.search(text):
            return text.strip()  # nothing to fold either
        return _SPACES.sub(" ", text).strip()
    text = _SURROGATES.sub("\ufffd", text.replace("\n", " "))
    text = _REMOVE.sub("", _ESCAPES.sub("", text))
    return _SPACES.sub(" ", text).strip()


def needs_cleaning(text: str) -> bool:
    """Whether clean_line would do more than strip() to some line of `text` (one scan of a
    whole text instead of two a line)."""
    return "  " in text or _UNCLEAN.search(text) is not None


def clean_text(text: str) -> str:
    """Multi-line text made safe, line by line; newlines are kept."""
    return "\n".join(clean_line(line) for line in normalise_newlines(text).split("\n"))


PARAGRAPH_LIMIT = 20_000


def split_long(paragraph: str, limit: int = PARAGRAPH_LIMIT) -> list[str]:
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
