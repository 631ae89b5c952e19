"""People found by rules: a title before the name, a given name, a kunya (أبو + name).

After a title come its complements (nationality adjectives, الخارجية, باسم, an organisation
or a place: الأمين العام للأمم المتحدة, أمير قطر), then maybe an honorific (الشيخ, الأمير),
then the name. A listed person there is taken as listed; otherwise `names.name_end` decides.
"""

from __future__ import annotations

from reader.entities.classes import GIVEN_WORD, TITLE
from reader.entities.lexicon import Lexicon
from reader.entities.name_breaks import accusative
from reader.entities.names import name_end
from reader.entities.spans import GIVEN, ORG, PERSON, PLACE, TITLED, Span
from reader.entities.tokens import Tokens
from reader.entities.vocab import (
    COMPASS,
    HONORIFICS,
    ORG_HEADS_WEAK,
    PLACE_TRIGGERS,
    TITLE_COMPLEMENTS,
    TITLES,
)
from reader.entities.words import hamza_name

IN_WHAT = frozenset({ORG, PLACE})
SONS = frozenset({"بن", "ولد"})
MAX_HOPS = 6  # complements between a title and the name
# Titles only with their complement: رجل الأعمال X, سيدة الأعمال X (not رجل مسلح).
WITH_COMPLEMENT = {"رجل": "الاعمال", "سيده": "الاعمال"}


def _given_first(tokens: Tokens, j: int, lex: Lexicon) -> bool:
    if j + 1 == tokens.size or not tokens.joined[j + 1]:
        return False
    nxt = tokens.norm[j + 1]
    if nxt in SONS:  # سالم بن بريك: a word before بن is a given name, listed or not
        return True
    return tokens.norm[j] in lex.given and nxt[:1] != "و"


def _name_after_title(tokens: Tokens, i: int, lex: Lexicon, spans: dict[int, Span]) -> Span | None:
    j, hops, named, inside_once = i + 1, 0, False, False
    complement = WITH_COMPLEMENT.get(tokens.norm[i])
    if complement is not None and (j >= tokens.size or tokens.norm[j] != complement):
        return None
    while j < tokens.size and tokens.joined[j] and hops < MAX_HOPS:
        word = tokens.norm[j]
        if word in lex.nationality:  # السوداني after رئيس الوزراء is an adjective here
            j, hops = j + 1, hops + 1
            continue
        if word == "باسم" and not named:  # المتحدث باسم ..., once: باسم العوادي is a name
            j, hops, named = j + 1, hops + 1, True
            continue
        inside = spans.get(j + 1)  # القيادي في حزب المؤتمر الشعبي X, الباحث في معهد X
        if word == "في" and j + 2 < tokens.size and tokens.norm[j + 1] in COMPASS:
            inside = spans.get(j + 2)  # في شمال غزة
        # ... or a place: مدير معهد باستور في الجزائر X, السفير الأمريكي في بغداد X
        if word == "في" and inside is not None and inside.type in IN_WHAT and not inside_once:
            j, hops, inside_once = inside.end, hops + 1, True
            continue
        span = spans.get(j)
        if span is not None and span.size == 1 and _given_first(tokens, j, lex):
            break  # الكاتب بوعلام صنصال, الخبيرة عالية المهدي: not a place here
        if span is not None:
            if span.type == PERSON:
                return Span(span.start, span.end, PERSON, span.display, 0, span.name, TITLED)
            j, hops = span.end, hops + 1
            continue
        skip = word in HONORIFICS or word in TITLES or word in TITLE_COMPLEMENTS
        skip = skip or word in PLACE_TRIGGERS  # أمير منطقة مكة المكرمة
        # رئيس جماعة تارودانت X: a weak head before a listed place is a noun of the title
        nxt = spans.get(j + 1)
        skip = skip or (word in ORG_HEADS_WEAK and nxt is not None and nxt.type == PLACE)
        article = word.startswith("ال") and word not in lex.given and not hamza_name(tokens, j)
        if skip or article:
            j, hops = j + 1, hops + 1
            continue
        break
    if j >= tokens.size or not tokens.joined[j]:
        return None
    end = name_end(tokens, j, lex, titled=True)
    if end is None:
        return None
    word = tokens.norm[j]
    if end == j + 1 and word.endswith("ه") and word not in lex.given:
        return None  # زعيم عصابة, قائد ميليشيا: one indefinite noun, not a name
    if end == j + 1 and accusative(word, lex):
        return None  # التقط الصحفي صورا: an indefinite accusative object, not a name
    return Span(j, end, PERSON, "", 0, -1, TITLED)


def person_spans(tokens: Tokens, lex: Lexicon, spans: dict[int, Span], at: list[int]) -> list[Span]:
    """Persons by title, by given name (two words at least) and by kunya, at the words `at`
    (those whose class is TITLE or GIVEN_WORD)."""
    found: list[Span] = []
    inside = {k for s in spans.values() for k in range(s.start + 1, s.end)}  # ساو باولو
    for i in at:
        cls = tokens.cls[i]
        if cls & TITLE:
            span = _name_after_title(tokens, i, lex, spans)
            if span is not None:
                found.append(span)
        elif cls & GIVEN_WORD and i not in spans and i not in inside:
            place = spans.get(i + 1)
            if place is not None and place.type == PLACE and tokens.joined[i + 1]:
                continue  # سلطان عمان, أمير قطر: a given name that is a title here
            end = name_end(tokens, i, lex, titled=False)
            if end is not None and end - i >= 2:
                found.append(Span(i, end, PERSON, "", 0, -1, GIVEN))
    return found
