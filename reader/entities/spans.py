"""A candidate entity span over tokens, as the matchers propose it."""

from __future__ import annotations

from dataclasses import dataclass

PERSON, PLACE, ORG = "PERSON", "PLACE", "ORG"
EVENT = "EVENT"  # an event's name (كأس العالم): blocks the names inside it, never reported

# Which proposal wins between two spans of equal length: the lists first, then the rules.
LISTED, HEADED, TITLED, GIVEN, CARRIED = 0, 1, 2, 3, 4


@dataclass(slots=True)
class Span:
    start: int  # first token
    end: int  # one past the last token
    type: str
    display: str  # the form to write, proclitic removed ("" until rules fill it in)
    strip: int = 0  # normalised letters of proclitic on the first token
    name: int = -1  # index into the lexicon's names, -1 for a name the rules found
    source: int = LISTED
    needs_context: bool = False
    restored: bool = False  # the proclitic was لل and the article's alif is restored
    key: tuple[object, ...] = ()  # which entity it belongs to (set when spans are chosen)

    @property
    def size(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end
