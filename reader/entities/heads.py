"""Head words that make a name a facility or an organisation (docs/entities.md).

- "head + name" is one entity with the head: مخيم جنين, معبر رفح, مستشفى ناصر (PLACE heads
  give PLACE; مستشفى, جامعة, وزارة, حركة ... give ORG), then trailing adjectives: مطار دمشق
  الدولي, وزارة الخارجية الأميركية.
- A definite head named by agreeing adjectives: الجيش الإسرائيلي, البنك المركزي المصري,
  الهيئة العامة للأرصاد الجوية (not after وزير: وزير الخارجية الأمريكي is a title).
Triggers (مدينة, فريق ...) are not part of the name; `context.py` and `triggers.py` use them.
"""

from __future__ import annotations

from reader.entities.bodies import body_end, common_phrase
from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon
from reader.entities.memo import Memo
from reader.entities.phrases import ALL_HEADS, adjectives, conjoined, definite_end, genitive
from reader.entities.spans import EVENT, HEADED, ORG, PLACE, Span
from reader.entities.tokens import Tokens
from reader.entities.vocab import (
    EVENT_HEADS,
    ORG_HEADS_STRONG,
    ORG_HEADS_WEAK,
    PLACE_HEADS,
    STOP,
    TOWN_TRIGGERS,
)
from reader.entities.words import is_common, is_strict_adjective, is_title

# Strong heads whose bare article complement is a common noun (غرفة الجنايات is a court's
# chamber, برنامج الإصلاح any reform programme): there they need a listed adjective after
# it, a nationality or a name adjective (غرفة التجارة الأمريكية, برنامج الأغذية العالمي).
ARTICLE_SHY = frozenset({"غرفه", "برنامج"})


def _district(tokens: Tokens, i: int, end: int, head: str, lex: Lexicon) -> bool:
    """مديرية حيس is a district (the town rule takes حيس); مديرية الأمن, مديرية أمن عدن
    are directorates: a head that is also a town word, before one bare word only."""
    word = tokens.norm[i + 1]  # مديرية الخوخة too: an article word that is no common noun
    return head in TOWN_TRIGGERS and end == i + 2 and not is_common(word)


def _event_end(tokens: Tokens, i: int) -> int:
    """كأس العالم, دوري أبطال أفريقيا: up to three joined words after an event head."""
    k = i + 1
    while k < tokens.size and tokens.joined[k] and k - i <= 3 and tokens.norm[k] not in STOP:
        k += 1
    return k


_NAMED_HEADS = PLACE_HEADS | ORG_HEADS_STRONG | ORG_HEADS_WEAK | ALL_HEADS


def _head_readings(word: str) -> tuple[bool, tuple[tuple[int, str], ...]]:
    """Whether some reading of the word is an event head, and its readings up to the first
    that is another head (the only ones `head_spans` acts on)."""
    event = any(form in EVENT_HEADS for _, form in readings(word))
    kept = []
    for strip, form in readings(word):
        kept.append((strip, form))
        if form in _NAMED_HEADS:
            break
    return event, tuple(kept)


_HEAD_READINGS = Memo(_head_readings)


def head_spans(tokens: Tokens, lex: Lexicon, listed: dict[int, Span], at: list[int]) -> list[Span]:
    """Names after the head words at `at` (the words whose class is HEAD)."""
    spans: list[Span] = []
    for i in at:
        norm = tokens.norm[i]
        event, heading = _HEAD_READINGS[norm]
        if event and i + 1 < tokens.size and tokens.joined[i + 1]:  # كأس العالم, بماراثون لندن
            spans.append(Span(i, _event_end(tokens, i), EVENT, "", source=HEADED))
            continue
        for strip, form in heading:
            restored = form != norm[strip:]  # لل read as ل + ال
            if form in PLACE_HEADS or form in ORG_HEADS_STRONG or form in ORG_HEADS_WEAK:
                kind = PLACE if form in PLACE_HEADS else ORG
                strong = form not in ORG_HEADS_WEAK
                shy = form in ARTICLE_SHY and i + 1 < tokens.size
                shy = shy and tokens.norm[i + 1].startswith("ال")
                named = shy and i + 2 < tokens.size and tokens.joined[i + 2]
                if shy and not (named and is_strict_adjective(tokens.norm[i + 2])):
                    break
                if common_phrase(tokens, i + 1, listed):  # blocks تركية in شركة تركية
                    spans.append(Span(i, i + 2, EVENT, "", 0, -1, HEADED))
                    break
                end = body_end(tokens, i + 1, lex, listed, kind, strong)
                if form == "بلديه" and i > 0 and is_title(tokens.norm[i - 1]):
                    end = None  # رئيس بلدية لندن: the mayor's town is the place
                if end is not None:
                    end = adjectives(tokens, end, lex, national=kind == ORG, loose=kind == ORG)
                    if kind == ORG:
                        end = conjoined(tokens, end, lex, listed)
                        proper = not tokens.norm[i + 1].startswith("ال")
                        end = genitive(tokens, end, lex, listed, proper)
                    if not _district(tokens, i, end, form, lex):
                        span = Span(i, end, kind, "", strip, -1, HEADED, False, restored)
                        spans.append(span)
                break
            if form in ALL_HEADS:
                end = definite_end(tokens, i, form, lex, listed)
                if end is not None:
                    spans.append(Span(i, end, ORG, "", strip, -1, HEADED, False, restored))
                break
    return spans
