"""The committed name lists (data/names.json), loaded once, as the build script indexed them.

The data file already holds the matching index (normalised alias -> names), so loading is a
JSON parse. An alias marked as needing context is also a common word (docs/entities.md).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

DATA = Path(__file__).with_name("data") / "names.json"


class Lexicon(NamedTuple):
    names: list[list[Any]]  # [canonical, type, [normalised context words]]
    aliases: dict[str, list[list[Any]]]  # alias -> [[name index, display or "", needs context]]
    longest: dict[str, int]  # first word of an alias -> most words an alias starting so has
    given: frozenset[str]  # given names that start a person's name on their own
    given_titled: frozenset[str]  # given names that are common words: only after a title
    nationality: frozenset[str]  # الامريكي, الاسراييليه ... (normalised)
    common: frozenset[str]  # common vocabulary (normalised)


@cache
def lexicon() -> Lexicon:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return Lexicon(
        names=raw["names"],
        aliases=raw["aliases"],
        longest=raw["longest"],
        given=frozenset(raw["given"]),
        given_titled=frozenset(raw["given_titled"]),
        nationality=frozenset(raw["nationality"]),
        common=frozenset(raw["common"]),
    )
