"""Where a person's name ends, given where it starts (after a title or a given name).

A name runs through given names, unknown words and particle chains (بن, آل, عبد, أبو, دي),
and may end in one or more article surnames (أحمد الشرع, مشعل الأحمد الجابر الصباح). It stops
at function words, verbs, common vocabulary, nationality adjectives, a conjunction-prefixed
word and punctuation (tokens not joined).
"""

from __future__ import annotations

from reader.entities.classes import LISTED
from reader.entities.lexicon import Lexicon
from reader.entities.name_breaks import BREAKS, CLITIC_HEAD, NUMBERS
from reader.entities.tokens import Tokens
from reader.entities.vocab import COMPASS, FILIATION, PARTICLES, STOP, TITLES
from reader.entities.words import (
    can_start_name,
    can_start_titled_name,
    hamza_name,
    is_common,
    is_function_word,
    is_verbal_noun,
)

MAX_WORDS = 4  # name words, not counting particles
# Second halves of compound names: عز الدين, نصر الله, عبد الرحمن.
COMPOUND = frozenset({"الدين", "الله", "الرحمن"})


def _ends_after(tokens: Tokens, k: int) -> bool:
    """Whether a name would end right after token k: punctuation, the end, or a function word."""
    k += 1
    return k == tokens.size or not tokens.joined[k] or tokens.norm[k] in STOP


def _surname(tokens: Tokens, k: int, lex: Lexicon, after_title: bool) -> bool:
    """An article surname after a given name, even if its stem is a common word (محمد
    الشاكر, سعاد الصباح, محمد الأمين), but not an article noun of the vocabulary."""
    word, before = tokens.norm[k], tokens.norm[k - 1]
    given = before in lex.given or before in lex.given_titled or after_title
    if not word.startswith("ال") or not given:
        return False
    if k >= 2 and tokens.norm[k - 2] in PARTICLES:  # عبد الحق سايحي: الحق is not a surname
        return False
    if is_function_word(word) or is_verbal_noun(word[2:]):
        return False
    if word in TITLES or word in lex.common or word in lex.nationality:  # محمد الأمين إن
        k += 1
        return k == tokens.size or not tokens.joined[k] or is_function_word(tokens.norm[k])
    return True


def _continues(tokens: Tokens, k: int) -> bool:
    """A particle's word follows: not a function word, but عبد takes any article word
    (عبد الأحد: الأحد is also Sunday) and بن a compass word (أشرف بن شرقي)."""
    if k >= tokens.size or not tokens.joined[k]:
        return False
    word, particle = tokens.norm[k], tokens.norm[k - 1]
    if word not in STOP:
        return True
    return (particle == "عبد" and word.startswith("ال")) or (
        particle in FILIATION and word in COMPASS
    )


def _surname_next(tokens: Tokens, k: int, lex: Lexicon) -> bool:
    """After a title, given name + common word + article surname: محمد وسام المرتضى."""
    if tokens.norm[k - 1] not in lex.given or k + 1 >= tokens.size or not tokens.joined[k + 1]:
        return False
    nxt = tokens.norm[k + 1]
    return nxt.startswith("ال") and not is_common(nxt) and nxt not in lex.nationality


def _inner_title(tokens: Tokens, k: int, lex: Lexicon) -> bool:
    """After a name word, a title word is one more name word when a plain unknown word
    follows it: no article, no vocabulary, no listed name (أكرم إمام أوغلو, not
    أحمد أمير قطر or محمد وزير الخارجية)."""
    if k >= tokens.size or not tokens.joined[k]:
        return False
    word = tokens.norm[k]
    if word.startswith("ال") or word in STOP or word in TITLES or is_common(word):
        return False
    return tokens.cls[k] & LISTED == 0 and word not in lex.nationality and not BREAKS[word]


def _vouched(tokens: Tokens, start: int, lex: Lexicon) -> bool:
    """After a title, a first word that is also vocabulary (جوزيه) passes when a clear name
    word follows it (جوزيه غوميز)."""
    first, k = tokens.norm[start], start + 1
    if k >= tokens.size or not tokens.joined[k] or first.startswith("ال"):
        return False
    if is_function_word(first) and first != "علي":  # علي يوسف: علي is also على
        return False
    if CLITIC_HEAD[first]:
        return False  # بتنظيم كوت ديفوار: a proclitic on a head word
    nxt = tokens.norm[k]
    if nxt in COMPOUND or (nxt in PARTICLES and first != "علي"):  # عز الدين, سهام بن سدرين
        return True
    if first == "علي" and nxt.startswith("ال"):  # علي العلاق
        return not is_function_word(nxt) and nxt not in lex.common
    return can_start_name(nxt)


def name_end(tokens: Tokens, start: int, lex: Lexicon, titled: bool) -> int | None:
    """One past the last token of the name starting at `start`, or None if none starts."""
    first = tokens.norm[start]
    if first in NUMBERS:  # اللاعب ثلاث مباريات: no name starts with a number word
        return None
    # عبد الإله, عبد الكريم: عبد + an article word is a given name, with or without a title
    abd = first == "عبد" and _continues(tokens, start + 1)
    abd = abd and tokens.norm[start + 1].startswith("ال")
    vouched = abd or (titled and _vouched(tokens, start, lex))
    # ألينا, not إلينا (to us): the hamza the folding drops tells the name from the particle
    vouched = vouched or (titled and hamza_name(tokens, start))
    if not (can_start_titled_name if titled else can_start_name)(first) and not vouched:
        return None
    k, words = start + 1, 1
    if first in PARTICLES:  # أبو عبيدة, عبد الله: the particle needs its word
        if not _continues(tokens, k):
            return None
        k += 1
    while k < tokens.size and tokens.joined[k] and words < MAX_WORDS:
        word = tokens.norm[k]
        if word in PARTICLES and _continues(tokens, k + 1):
            k, words = k + 2, words + 1
            continue
        if word in COMPOUND or (word == "علي" and tokens.norm[k - 1] in lex.given):
            k, words = k + 1, words + 1  # عز الدين, محمد علي
            continue
        if _surname(tokens, k, lex, titled and k == start + 1):
            k, words = k + 1, words + 1
            continue
        inner = word in TITLES or tokens.text[k] == "إمام"  # إمام, not أمام (in front of)
        if inner and _inner_title(tokens, k + 1, lex):
            k, words = k + 1, words + 1  # أكرم إمام أوغلو: a title word between name words
            continue
        if BREAKS[word]:
            break  # a word that is no name word, whatever stands around it
        if tokens.norm[k - 1].startswith("ال") and not word.startswith("ال"):
            particled = k >= 3 and tokens.norm[k - 2] in PARTICLES  # عبد الحق سايحي
            particled = particled or tokens.norm[k - 1] in COMPOUND  # عز الدين أوناحي
            if not particled and not hamza_name(tokens, k - 1):  # ألينا رومانوسكي
                break  # after an article surname only more of them (مشعل الأحمد الجابر الصباح)
        kept = tokens.norm[k - 1] in lex.given and word in lex.given_titled  # محمود سعيد
        kept = kept or (titled and k == start + 1 and _ends_after(tokens, k))  # ملحم خلف إن
        kept = kept or (titled and k == start + 1 and _surname_next(tokens, k, lex))
        if is_common(word) and word not in lex.given and not kept:
            break
        k, words = k + 1, words + 1
    return k
