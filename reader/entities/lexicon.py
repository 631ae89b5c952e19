"""The committed name lists (data/names.json), loaded once, as the build script indexed them.

The data file already holds the matching index (normalised alias -> names), so loading is a
JSON parse. An alias marked as needing context is also a common word (docs/entities.md).
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

DATA = os.path.join(os.path.dirname(__file__), "data", "names.json")


class Lexicon:
    names: list[list[Any]]  # [canonical, type, [normalised context words]]
    aliases: dict[str, list[list[Any]]]  # alias -> [[name index, display or "", needs context]]
    longest: dict[str, int]  # first word of an alias -> most words an alias starting so has
    given: frozenset[str]  # given names that start a person's name on their own
    given_titled: frozenset[str]  # given names that are common words: only after a title
    nationality: frozenset[str]  # الامريكي, الاسراييليه ... (normalised)
    common: frozenset[str]  # common vocabulary (normalised)

    def __init__(self, raw: dict[str, Any]) -> None:
        self.names = raw["names"]
        self.aliases = raw["aliases"]
        self.longest = raw["longest"]
        self.given = frozenset(raw["given"])
        self.given_titled = frozenset(raw["given_titled"])
        self.nationality = frozenset(raw["nationality"])
        self.common = frozenset(raw["common"])


@cache
def lexicon() -> Lexicon:
    with open(DATA, encoding="utf-8") as data:
        return Lexicon(json.load(data))
