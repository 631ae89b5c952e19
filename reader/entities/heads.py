"""Head words that make a name a facility or an organisation (docs/entities.md).

- "head + name" is one entity with the head: مخيم جنين, معبر رفح, مستشفى ناصر (PLACE heads
  give PLACE; مستشفى, جامعة, وزارة, حركة ... give ORG), then trailing adjectives: مطار دمشق
  الدولي, وزارة الخارجية الأميركية.
- A definite head named by agreeing adjectives: الجيش الإسرائيلي, البنك المركزي المصري,
  الهيئة العامة للأرصاد الجوية (not after وزير: وزير الخارجية الأمريكي is a title).
Triggers (مدينة, فريق ...) are not part of the name; `context.py` and `triggers.py` use them.
"""

from __future__ import annotations

from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon
from reader.entities.names import accusative, name_end
from reader.entities.phrases import ALL_HEADS, adjectives, conjoined, definite_end, genitive
from reader.entities.spans import EVENT, HEADED, ORG, PLACE, Span
from reader.entities.tokens import Token
from reader.entities.vocab import (
    EVENT_HEADS,
    HONORIFICS,
    ORG_HEADS_STRONG,
    ORG_HEADS_WEAK,
    PLACE_HEADS,
    STOP,
    TOWN_TRIGGERS,
)
from reader.entities.words import (
    can_start_name,
    is_adjective,
    is_common,
    is_function_word,
    is_title,
    is_verbal_noun,
)

# Strong heads whose bare article complement is a common noun (غرفة الجنايات is a court's
# chamber): as weak heads there, they need an adjective after it (غرفة التجارة الأمريكية).
ARTICLE_SHY = frozenset({"غرفه"})


def _body(
    tokens: list[Token], j: int, lex: Lexicon, listed: dict[int, Span], kind: str, strong: bool
) -> int | None:
    """End of the name after a head at j-1, or None."""
    if j >= len(tokens) or not tokens[j].joined:
        return None
    if j in listed:  # a weak head before a listed place is a noun: بتنظيم كوت ديفوار
        return None if not strong and listed[j].type == PLACE else listed[j].end
    word = tokens[j].norm
    if word in STOP:
        return None
    if word.startswith("ال"):
        if kind == PLACE and is_common(word, lex):
            return None
        if not strong:  # جبهة الخلاص الوطني, but not حركة المرور
            return j + 1 if adjectives(tokens, j + 1, lex) > j + 1 else None
        if word in HONORIFICS and j + 1 < len(tokens):  # جامعة الملك فهد, مركز الملك عبدالعزيز
            end = name_end(tokens, j + 1, lex, titled=True) if tokens[j + 1].joined else None
            return end or j + 1
        return j + 1
    if not can_start_name(word, lex, titled=strong):
        place = listed.get(j + 1)  # لجنة أطباء السودان, شركة غاز البصرة: noun + listed place
        idafa = strong and place is not None and place.type == PLACE and tokens[j + 1].joined
        if idafa and place is not None and not is_function_word(word) and not is_title(word):
            return place.end
        return None
    k, idafa = j + 1, False
    while strong and k < len(tokens) and tokens[k].joined and k - j < 3:
        place = listed.get(k)
        if place is not None:  # شركة نفط البصرة, هيئة كهرباء دبي: a listed place ends it
            return place.end if place.type == PLACE and not idafa else k
        nxt = tokens[k].norm
        if nxt in STOP or nxt.startswith(("لل", "و")) or len(nxt) < 2 or is_title(nxt):
            break
        if nxt in lex.given:
            break  # معهد باستير أوليفييه شوارتز: a person's name begins
        if nxt.startswith("ال"):  # هيئة شؤون الأسرى, شركة نفط الشمال: one article noun
            if idafa or is_adjective(nxt, lex):
                break
            idafa = True
        elif is_common(nxt, lex) or is_verbal_noun(nxt, lex) or nxt.endswith("ها"):
            break  # شركة تويوتا خفض إنتاجها
        elif accusative(nxt, lex):
            break  # جامعة خليفة قمرا صناعيا
        k += 1
        if idafa:
            break
    return k


def _district(tokens: list[Token], i: int, end: int, head: str, lex: Lexicon) -> bool:
    """مديرية حيس is a district (the town rule takes حيس); مديرية الأمن, مديرية أمن عدن
    are directorates: a head that is also a town word, before one bare word only."""
    word = tokens[i + 1].norm  # مديرية الخوخة too: an article word that is no common noun
    return head in TOWN_TRIGGERS and end == i + 2 and not is_common(word, lex)


def _event_end(tokens: list[Token], i: int) -> int:
    """كأس العالم, دوري أبطال أفريقيا: up to three joined words after an event head."""
    k = i + 1
    while k < len(tokens) and tokens[k].joined and k - i <= 3 and tokens[k].norm not in STOP:
        k += 1
    return k


def head_spans(
    tokens: list[Token], lex: Lexicon, listed: dict[int, Span], at: list[int]
) -> list[Span]:
    """Names after the head words at `at` (the words whose class is HEAD)."""
    spans: list[Span] = []
    for i in at:
        token = tokens[i]
        event = any(form in EVENT_HEADS for _, form in readings(token.norm))
        if event and i + 1 < len(tokens) and tokens[i + 1].joined:  # كأس العالم, بماراثون لندن
            spans.append(Span(i, _event_end(tokens, i), EVENT, "", source=HEADED))
            continue
        for strip, form in readings(token.norm):
            restored = form != token.norm[strip:]  # لل read as ل + ال
            if form in PLACE_HEADS or form in ORG_HEADS_STRONG or form in ORG_HEADS_WEAK:
                kind = PLACE if form in PLACE_HEADS else ORG
                strong = form not in ORG_HEADS_WEAK
                shy = form in ARTICLE_SHY and i + 1 < len(tokens)
                if strong and shy and tokens[i + 1].norm.startswith("ال"):
                    strong = False
                end = _body(tokens, i + 1, lex, listed, kind, strong)
                if end is not None:
                    end = adjectives(tokens, end, lex, national=kind == ORG, loose=kind == ORG)
                    if kind == ORG:
                        end = conjoined(tokens, end, lex, listed)
                        end = genitive(tokens, end, lex, listed)
                    if not _district(tokens, i, end, form, lex):
                        span = Span(i, end, kind, "", strip, source=HEADED, restored=restored)
                        spans.append(span)
                break
            if form in ALL_HEADS:
                end = definite_end(tokens, i, form, lex, listed)
                if end is not None:
                    spans.append(Span(i, end, ORG, "", strip, source=HEADED, restored=restored))
                break
    return spans
