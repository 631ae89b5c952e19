"""Names found by the word before them, which is not part of the name (docs/entities.md):

- a place after a town word: مدينة درنة, ولاية ماتو غروسو, محافظتي ظفار ومسندم (dual);
- a club after نادي/فريق: نادي شباب بلوزداد, فريق المغرب الفاسي, نادي مرسيليا (a listed
  place there is the club), with its non-nationality adjectives;
- media and agencies step aside before a bare name: قناة الجزيرة, وكالة رويترز, منظمة أوبك
  (`step_aside`), but وكالة الأنباء الفلسطينية keeps its head.
"""

from __future__ import annotations

from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon
from reader.entities.name_breaks import is_imperfect
from reader.entities.spans import HEADED, ORG, OVERRIDE, PLACE, Span
from reader.entities.tokens import Tokens
from reader.entities.vocab import (
    CLUB_TRIGGERS,
    COMPASS,
    EVENT_HEADS,
    MEDIA_WORDS,
    STOP,
    TOWN_TRIGGERS,
)
from reader.entities.words import is_adjective, is_common, is_function_word, is_title
from reader.entities.words import is_strict_adjective as listed_adjective

CANALS = frozenset({"قناه"})  # قناة السويس is a place; قناة الجزيرة steps aside later
CLUB_TRIGGERS_CLITIC = frozenset({"فريقه", "فريقها", "ناديه", "ناديها"})
DUALS = frozenset({"محافظتي", "ولايتي", "مدينتي", "بلدتي", "قريتي"})
# Triggers that are also common nouns (مقاطعة: boycott, قضاء: judiciary): only a plain word
# that does not look like a verb follows them as a place.
WEAK_TOWNS = frozenset({"مقاطعه", "قضاء", "اقليم", "ناحيه", "اماره"})
STRONG_TOWNS = TOWN_TRIGGERS - WEAK_TOWNS
PARTICLES = frozenset(
    {"دو", "دي", "دا", "ذي", "لا", "سان", "ابو", "بني", "بن", "ام", "بيت", "كفر", "دير", "عين"}
    | {"بير", "تل", "خربه", "سيدي", "اولاد", "برج", "حمام", "وادي", "جبل", "راس", "سوق"}
)


def _plain(word: str, lex: Lexicon) -> bool:
    """May be in an unlisted name: no function, title, common or nationality word, باللقب."""
    if is_function_word(word) or is_title(word) or word in COMPASS or len(word) < 2:
        return False
    if any(strip and form.startswith("ال") for strip, form in readings(word)):
        return False
    if any(strip and form in EVENT_HEADS for strip, form in readings(word)):
        return False  # بكأس, بماراثون: an event begins
    return not is_common(word) and "ال" + word not in lex.nationality


def _town(tokens: Tokens, j: int, lex: Lexicon, weak: bool, listed: dict[int, Span]) -> int | None:
    word = tokens.norm[j]
    if word in STOP or word in COMPASS or is_title(word):
        return None
    if weak and (word.startswith(("ال", "است")) or word.endswith("ت") or not _plain(word, lex)):
        return None
    if word.startswith("ال"):  # مدينة الزاوية: one article word, not an adjective
        return None if listed_adjective(word) else j + 1
    if not _plain(word, lex) and word not in PARTICLES:
        return None
    k = j + 1
    while k < tokens.size and tokens.joined[k] and k - j < 4 and k not in listed:
        nxt = tokens.norm[k]  # a listed name ends it: إقليم أمهرة بإثيوبيا
        plain = _plain(nxt, lex) and not nxt.startswith(("ال", "و", "لل")) and not is_imperfect(nxt)
        if not plain and nxt not in PARTICLES:
            break
        k += 1
    return k if tokens.norm[k - 1] not in PARTICLES else None


def _club(tokens: Tokens, j: int, lex: Lexicon, listed: dict[int, Span]) -> int | None:
    word = tokens.norm[j]
    if j in listed:
        k = listed[j].end
    elif word.startswith("ال"):
        if word in STOP or is_title(word):
            return None
        k = j + 1
    elif _plain(word, lex) or (j + 1 < tokens.size and _plain(tokens.norm[j + 1], lex)):
        k = j + 1
        while k < tokens.size and tokens.joined[k] and k - j < 3 and k not in listed:
            nxt = tokens.norm[k]
            if nxt.startswith(("ال", "و", "لل")) or not _plain(nxt, lex) or is_imperfect(nxt):
                break
            k += 1
    else:
        return None
    place = listed.get(k)
    if place is not None and place.type == PLACE and place.size == 1 and tokens.joined[k]:
        k += 1  # الحسين إربد, اتحاد طنجة
    while k < tokens.size and tokens.joined[k] and k - j < 4:  # الرياضي, الفاسي; not السعودي
        nxt = tokens.norm[k]
        if not is_adjective(nxt) or nxt in lex.nationality:
            break
        k += 1
    return k


def trigger_spans(
    tokens: Tokens, lex: Lexicon, listed: dict[int, Span], at: list[int]
) -> list[Span]:
    """Names after the trigger words at `at` (the words whose class is TRIGGER)."""
    spans: list[Span] = []
    for i in at:
        norm, j = tokens.norm[i], i + 1
        if j == tokens.size or not tokens.joined[j]:
            continue
        forms = {form for _, form in readings(norm)}
        if forms & TOWN_TRIGGERS and (j not in listed or listed[j].type != PLACE):
            weak = not forms & STRONG_TOWNS
            end = None if j in listed else _town(tokens, j, lex, weak, listed)
            if j in listed and not weak and listed[j].type == ORG:  # ولاية الجزيرة
                spans.append(Span(j, listed[j].end, PLACE, "", source=OVERRIDE))
            if end is not None:
                spans.append(Span(j, end, PLACE, "", 0, -1, HEADED))
                nxt = tokens.norm[end] if end < tokens.size and tokens.joined[end] else ""
                if forms & DUALS and nxt[:1] == "و" and _plain(nxt[1:], lex):
                    spans.append(Span(end, end + 1, PLACE, "", 1, source=HEADED))
        elif forms & CLUB_TRIGGERS or (forms & MEDIA_WORDS and norm not in CANALS):
            if norm in CLUB_TRIGGERS_CLITIC:
                continue  # فريقه قادر: a possessive club word needs its proclitic (لفريقه نانت)
            end = _club(tokens, j, lex, listed)
            known = listed.get(j)
            if end is not None and (known is None or end > known.end or known.type == PLACE):
                spans.append(Span(j, end, ORG, "", source=OVERRIDE))
    return spans
