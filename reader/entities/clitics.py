"""Proclitics: و ف ب ل and their combinations, stripped from the first word of a name.

`readings(word)` lists how a normalised word may be read as proclitic + name start, as
(letters stripped, form to match). The word itself comes first (an exact match protects
بيروت, لبنان, ليبيا, كندا, فرنسا). After لل the article's alif is restored: للامم -> الامم,
stripping one letter, so the mention still covers the name's own ل (لليبيا -> ليبيا too).
"""

from __future__ import annotations

from functools import lru_cache

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل")  # not ك: وكسرت is "and broke", not و + ك + سرت
MIN_LETTERS = 3  # what must remain of a word after stripping


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[tuple[int, str], ...]:
    out: list[tuple[int, str]] = [(0, word)]
    starts = [0]
    if word[:1] in _CONJUNCTIONS:
        starts.append(1)
    for start in starts:
        rest = word[start:]
        if start and len(rest) >= MIN_LETTERS:
            out.append((start, rest))
        if rest[:1] in _PREPOSITIONS:
            if rest.startswith("لل") and len(rest) - 1 >= MIN_LETTERS:
                out.append((start + 1, "ا" + rest[1:]))  # لل = ل + (ا)ل
            if len(rest) - 1 >= MIN_LETTERS:
                out.append((start + 1, rest[1:]))  # لليبيا = ل + ليبيا
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def written(form: str) -> frozenset[str]:
    """Every word one of whose `readings` may be `form` (a superset: the length limits are
    not applied): the form itself and with proclitics before it, لل for an article's ال."""
    out = {form}
    for conjunction in ("", *_CONJUNCTIONS):
        for preposition in ("", *_PREPOSITIONS):
            out.add(conjunction + preposition + form)
        if form.startswith("ال"):
            out.add(conjunction + "ل" + form[1:])  # للامم read as ل + الامم
    return frozenset(out)
