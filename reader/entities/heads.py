"""Head words that make a name a facility or an organisation (docs/entities.md).

- "head + name" is one entity with the head: مخيم جنين, معبر رفح, مستشفى ناصر (PLACE heads
  give PLACE; مستشفى, جامعة, وزارة, حركة ... give ORG), then trailing adjectives: مطار دمشق
  الدولي, وزارة الخارجية الأميركية.
- A definite head named by agreeing adjectives: الجيش الإسرائيلي, البنك المركزي المصري,
  الهيئة العامة للأرصاد الجوية (not after وزير: وزير الخارجية الأمريكي is a title).
Triggers (مدينة, فريق ...) are not part of the name; `context.py` and `triggered` use them.
"""

from __future__ import annotations

from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon
from reader.entities.spans import EVENT, HEADED, ORG, PLACE, Span
from reader.entities.tokens import Token
from reader.entities.vocab import (
    DEFINITE_ORG_HEADS,
    EVENT_HEADS,
    ORG_HEADS_STRONG,
    ORG_HEADS_WEAK,
    PLACE_HEADS,
    STOP,
)
from reader.entities.words import agrees, can_start_name, is_adjective, is_common

GENITIVES = frozenset({"لكره", "لحقوق", "لتحرير", "لشوون"})
TOWN_WORDS = frozenset({"مدينه", "بلده", "قريه"})
MINISTERS = frozenset({"وزير", "وزيره", "الوزير", "الوزيره", "نايب"})


def _adjectives(
    tokens: list[Token], k: int, lex: Lexicon, head: str = "", national: bool = True
) -> int:
    """Skip up to three agreeing adjectives from k (nationality ones only if `national`)."""
    count = 0
    while k < len(tokens) and tokens[k].joined and count < 3:
        word = tokens[k].norm
        if not is_adjective(word, lex) or (head and not agrees(head, word)):
            break
        if not national and word in lex.nationality:
            break
        k, count = k + 1, count + 1
    return k


def _genitive(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """للأرصاد الجوية, لكرة القدم: a ل-phrase finishing an organisation's name."""
    if k >= len(tokens) or not tokens[k].joined:
        return k
    word = tokens[k].norm
    if not (word.startswith("لل") or word in GENITIVES):
        return k
    k += 1
    nxt = tokens[k].norm if k < len(tokens) and tokens[k].joined else ""
    if nxt.startswith("ال") and not is_adjective(nxt, lex):
        k += 1
    return _adjectives(tokens, k, lex)


def _body(
    tokens: list[Token], j: int, lex: Lexicon, listed: dict[int, Span], kind: str, strong: bool
) -> int | None:
    """End of the name after a head at j-1, or None."""
    if j >= len(tokens) or not tokens[j].joined:
        return None
    if j in listed:
        return listed[j].end
    word = tokens[j].norm
    if word in STOP:
        return None
    if word.startswith("ال"):
        if kind == PLACE and is_common(word, lex):
            return None
        if not strong:  # جبهة الخلاص الوطني, but not حركة المرور
            return j + 1 if _adjectives(tokens, j + 1, lex) > j + 1 else None
        return j + 1
    if not can_start_name(word, lex, titled=strong):
        return None
    k = j + 1
    while strong and k < len(tokens) and tokens[k].joined and k - j < 3 and k not in listed:
        nxt = tokens[k].norm
        if nxt in STOP or nxt.startswith(("ال", "لل", "و")) or len(nxt) < 2:
            break
        k += 1
    return k


def _event_end(tokens: list[Token], i: int) -> int:
    """كأس العالم, دوري أبطال أفريقيا: up to three joined words after an event head."""
    k = i + 1
    while k < len(tokens) and tokens[k].joined and k - i <= 3 and tokens[k].norm not in STOP:
        k += 1
    return k


def head_spans(tokens: list[Token], lex: Lexicon, listed: dict[int, Span]) -> list[Span]:
    spans: list[Span] = []
    for i, token in enumerate(tokens):
        if token.norm in EVENT_HEADS and i + 1 < len(tokens) and tokens[i + 1].joined:
            spans.append(Span(i, _event_end(tokens, i), EVENT, "", source=HEADED))
            continue
        for strip, form in readings(token.norm):
            restored = form != token.norm[strip:]  # لل read as ل + ال
            if form in PLACE_HEADS or form in ORG_HEADS_STRONG or form in ORG_HEADS_WEAK:
                kind = PLACE if form in PLACE_HEADS else ORG
                end = _body(tokens, i + 1, lex, listed, kind, form not in ORG_HEADS_WEAK)
                if end is not None:
                    end = _adjectives(tokens, end, lex, national=kind == ORG)
                    if kind == ORG:
                        end = _genitive(tokens, end, lex)
                    spans.append(Span(i, end, kind, "", strip, source=HEADED, restored=restored))
                break
            if form in DEFINITE_ORG_HEADS:
                after_minister = i > 0 and tokens[i - 1].norm in MINISTERS and token.joined
                end = _adjectives(tokens, i + 1, lex, head=form)
                if end > i + 1 and not after_minister:
                    end = _genitive(tokens, end, lex)
                    spans.append(Span(i, end, ORG, "", strip, source=HEADED, restored=restored))
                break
            if form in TOWN_WORDS:  # مدينة X: an unlisted town is still a place
                j = i + 1
                free = j < len(tokens) and tokens[j].joined and j not in listed
                if free and can_start_name(tokens[j].norm, lex, titled=False):
                    spans.append(Span(j, j + 1, PLACE, "", source=HEADED))
                break
    return spans


def triggered(tokens: list[Token], i: int, triggers: frozenset[str], reach: int = 3) -> bool:
    """Whether one of `triggers` (proclitics allowed) stands within `reach` words before i."""
    for k in range(max(0, i - reach), i):
        if any(form in triggers for _, form in readings(tokens[k].norm)):
            return True
    return False
