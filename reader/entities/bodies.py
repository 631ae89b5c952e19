"""Where the name after a head word ends (`heads.py` decides the head): a listed name, an
article word, up to three plain words, a plain noun + one article noun (شركة طيران الخليج),
stopping at vocabulary, verbal nouns, accusatives, proclitics on nouns and given names.
"""

from __future__ import annotations

from functools import lru_cache

from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon
from reader.entities.name_breaks import accusative, is_imperfect
from reader.entities.names import name_end
from reader.entities.phrases import ALL_HEADS, adjectives
from reader.entities.spans import PLACE, Span
from reader.entities.tokens import Tokens
from reader.entities.vocab import (
    EVENT_HEADS,
    HONORIFICS,
    ORG_HEADS_STRONG,
    ORG_HEADS_WEAK,
    PLACE_HEADS,
    STOP,
)
from reader.entities.words import (
    agrees,
    can_start_name,
    can_start_titled_name,
    is_adjective,
    is_common,
    is_function_word,
    is_indefinite_adjective,
    is_title,
    is_verbal_noun,
)


def common_phrase(tokens: Tokens, j: int, listed: dict[int, Span]) -> bool:
    """شركة تركية, مركز صحي, محكمة عسكرية: the head at j-1 is a common noun here, an
    agreeing adjective without the article after it (but ميناء جيبوتي: a listed place)."""
    if j >= tokens.size or not tokens.joined[j] or not is_indefinite_adjective(tokens.norm[j]):
        return False
    word, known = tokens.norm[j], listed.get(j)
    if known is not None and (known.type != PLACE or not word.endswith("يه")):
        return False
    return agrees(tokens.norm[j - 1], "ال" + word)


def body_end(
    tokens: Tokens, j: int, lex: Lexicon, listed: dict[int, Span], kind: str, strong: bool
) -> int | None:
    """End of the name after a head at j-1, or None."""
    if j >= tokens.size or not tokens.joined[j]:
        return None
    if j in listed:  # a weak head before a listed place is a noun: بتنظيم كوت ديفوار
        return None if not strong and listed[j].type == PLACE else listed[j].end
    word = tokens.norm[j]
    if word in STOP or word.startswith("لل"):  # سد للنفايات: a purpose, not a name
        return None
    if word.startswith("ال"):
        if kind == PLACE and is_common(word):
            return None
        if not strong:  # جبهة الخلاص الوطني, but not حركة المرور
            return j + 1 if adjectives(tokens, j + 1, lex) > j + 1 else None
        if word in HONORIFICS and j + 1 < tokens.size:  # جامعة الملك فهد, مركز الملك عبدالعزيز
            end = name_end(tokens, j + 1, lex, titled=True) if tokens.joined[j + 1] else None
            return end or j + 1
        return j + 1
    if not (can_start_titled_name if strong else can_start_name)(word):
        place = listed.get(j + 1)  # لجنة أطباء السودان, شركة غاز البصرة: noun + listed place
        idafa = strong and place is not None and place.type == PLACE and tokens.joined[j + 1]
        if idafa and place is not None and not is_function_word(word) and not is_title(word):
            return place.end
        return _noun_idafa(tokens, j, lex) if strong else None
    k, idafa = j + 1, False
    while strong and k < tokens.size and tokens.joined[k] and k - j < 3:
        place = listed.get(k)
        if place is not None:  # شركة نفط البصرة, هيئة كهرباء دبي: a listed place ends it
            return place.end if place.type == PLACE and not idafa else k
        nxt = tokens.norm[k]
        if nxt in STOP or nxt.startswith(("لل", "و")) or len(nxt) < 2 or is_title(nxt):
            break
        if is_imperfect(nxt):
            break  # مخيم زمزم يعاني: a verb follows the name
        if is_indefinite_adjective(nxt):
            return None  # محطة رصد زلزالي: a proper name takes no indefinite adjective
        if nxt in lex.given:
            break  # معهد باستير أوليفييه شوارتز: a person's name begins
        if nxt.startswith("ال"):  # هيئة شؤون الأسرى, شركة نفط الشمال: one article noun
            if idafa or is_adjective(nxt):
                break
            idafa = True
        elif is_common(nxt) or is_verbal_noun(nxt) or nxt.endswith("ها"):
            break  # شركة تويوتا خفض إنتاجها
        elif accusative(nxt, lex) or _proclitic_noun(nxt, lex):
            break  # جامعة خليفة قمرا صناعيا, شركة هيونداي لإنتاج السيارات
        k += 1
        if idafa:
            break
    return k


HEADS = PLACE_HEADS | ORG_HEADS_STRONG | ORG_HEADS_WEAK | EVENT_HEADS


def _noun_idafa(tokens: Tokens, j: int, lex: Lexicon) -> int | None:
    """شركة طيران الخليج, شركة نفط الشمال: a plain noun and one article word that is no
    adjective, no function word and no title after a strong head."""
    word, k = tokens.norm[j], j + 1
    if word.startswith(("ال", "ل", "و", "ب")) or is_function_word(word) or is_title(word):
        return None
    if is_verbal_noun(word) or word in HEADS or k >= tokens.size or not tokens.joined[k]:
        return None  # مكتب منظمة الهجرة: the office of another organisation
    nxt = tokens.norm[k]
    if not nxt.startswith("ال") or is_adjective(nxt) or is_function_word(nxt) or is_title(nxt):
        return None
    return None if nxt in ALL_HEADS else k + 1  # مجلس إدارة البنك الأهلي: the bank


@lru_cache(maxsize=1 << 14)
def _proclitic_noun(word: str, lex: Lexicon) -> bool:
    """لإنتاج, بتوقيع: a proclitic on a common word or a verbal noun begins something else."""
    return any(s and (is_common(f) or is_verbal_noun(f)) for s, f in readings(word))
