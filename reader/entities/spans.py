"""A candidate entity span over tokens, as the matchers propose it."""

from __future__ import annotations

PERSON, PLACE, ORG = "PERSON", "PLACE", "ORG"
EVENT = "EVENT"  # an event's name (كأس العالم): blocks the names inside it, never reported

# Which proposal wins between two spans of equal length: the lists first, then the rules.
# OVERRIDE: a trigger that says what a listed name is here (نادي مرسيليا is a club).
OVERRIDE, LISTED, HEADED, TITLED, GIVEN, CARRIED = -1, 0, 1, 2, 3, 4


class Span:
    """Tokens [start, end) proposed as one entity (mutable: the extractor fills it in)."""

    __slots__ = (
        "start",
        "end",
        "type",
        "display",
        "strip",
        "name",
        "source",
        "needs_context",
        "restored",
        "key",
    )

    def __init__(
        self,
        start: int,
        end: int,
        type: str,
        display: str,
        strip: int = 0,
        name: int = -1,
        source: int = LISTED,
        needs_context: bool = False,
        restored: bool = False,
        key: tuple[object, ...] = (),
    ) -> None:
        self.start = start  # first token
        self.end = end  # one past the last token
        self.type = type
        self.display = display  # the form to write, proclitic removed ("" until filled in)
        self.strip = strip  # normalised letters of proclitic on the first token
        self.name = name  # index into the lexicon's names, -1 for a name the rules found
        self.source = source
        self.needs_context = needs_context
        self.restored = restored  # the proclitic was لل and the article's alif is restored
        self.key = key  # which entity it belongs to (set when spans are chosen)

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end}, {self.type}, {self.display!r})"

    @property
    def size(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end
