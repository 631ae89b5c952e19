"""Lines for a terminal that does bidi and shaping itself (mlterm, Konsole with bidi on).

The text stays logical and unshaped; the terminal reorders each row on its own, taking the
row's direction from its first strong character. A wrapped line of a right-to-left paragraph
that starts with a Latin word or a number would then be laid out left to right, or "68%"
after Arabic would lose rule W2. So such a line starts with a zero-width mark carrying the
paragraph's context: ALM (U+061C, class AL) after Arabic letters, else RLM; a left-to-right
paragraph's line that starts with right-to-left letters gets LRM. Lines are never padded: the
terminal aligns them.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.bidi.lines import Span, VisualLine, styles_for
from reader.bidi.tables import HARAKA, INVISIBLE, tables
from reader.bidi.wrap import cell_width

LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"


def context_mark(text: str, start: int, end: int, rtl: bool) -> str:
    """The mark a line text[start:end] needs so that a bidi terminal reads it in the
    paragraph's direction and context ("" if none)."""
    strong = tables().strong
    first = strong.search(text, start, end)
    first_is_rtl = first is not None and first.group(1) is not None
    if not rtl:
        return LRM if first_is_rtl else ""
    if (
        first is not None
        and first_is_rtl
        and not tables().numbers.search(text, start, first.start())
    ):
        return ""
    before = strong.search(text[:start][::-1])  # the last strong character before the line
    if before is not None and before.group(1) is not None:
        return ALM if tables().classes[ord(before[0])] == "A" else RLM
    return RLM


def terminal_line(
    text: str, safe: str, start: int, end: int, rtl: bool, keep: bool, spans: Sequence[Span]
) -> VisualLine:
    line = safe[start:end]
    indices = list(range(end - start))
    if (not keep and HARAKA.search(line)) or INVISIBLE.search(line):
        indices = [
            i
            for i in indices
            if not INVISIBLE.match(line[i]) and (keep or not HARAKA.match(line[i]))
        ]
        line = "".join(line[i] for i in indices)
    mark = context_mark(safe, start, end, rtl)
    styles = styles_for([-1] * len(mark) + indices, start, spans) if spans else ()
    visual = mark + line
    return VisualLine(
        visual, text[start:end], start, end, rtl, cell_width(visual), styles, "terminal"
    )
