"""Words that end a person's name wherever they stand: head nouns, function words, titles,
nationality adjectives, number words, و-words, proclitic article words, accusatives, verbal
nouns and possessed nouns (the tests that need only the word, memoised per word).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.entities.classes import LISTED, word_class
from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon, lexicon
from reader.entities.memo import Memo
from reader.entities.normalise import normalise
from reader.entities.vocab import (
    EVENT_HEADS,
    ORG_HEADS_STRONG,
    ORG_HEADS_WEAK,
    PLACE_HEADS,
    PLACE_TRIGGERS,
    TITLES,
)
from reader.entities.words import is_common, is_function_word, is_verbal_noun

# Nouns that begin something else after a name (X مهرجان, X جمهورية ...).
HEAD_WORDS = EVENT_HEADS | ORG_HEADS_STRONG | ORG_HEADS_WEAK | PLACE_HEADS | PLACE_TRIGGERS
# Number words: a name stops before them (ماسيمو بوسيتي عشر سنوات).
_NUMBER_WORDS = """واحد واحدة اثنان اثنين اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة
    ثماني ثمانية تسع تسعة عشر عشرة عشرين ثلاثين أربعين خمسين مئة مائة مئات ألف آلاف مليون مليار"""
NUMBERS = frozenset(map(normalise, _NUMBER_WORDS.split()))


def accusative(word: str, lex: Lexicon) -> bool:
    """اتصالا, هاتفيا, معرضا: an indefinite accusative after the name (not إيشيبا, أتا)."""
    if not word.endswith("ا") or word in lex.given or word.startswith("ال"):
        return False
    return is_common(word[:-1]) or (len(word) >= 5 and word.endswith("يا"))


_SUFFIXES = ("تهما", "تهم", "تها", "ته")


def _possessed(word: str, lex: Lexicon) -> bool:
    """مشاركتها, زيارته: a noun ending in ة with a possessive pronoun follows a name; it is
    not part of it."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + "ه"
            return is_common(stem) or is_verbal_noun(stem)
    return False


# Imperfect verbs (يواجه, تعاني, يستعد, ينتظر, يحتاج, يشهد, يضيف): a name ends before them.
# The shapes of the derived forms (III, V-VI, VII, VIII, X) and of a four-letter ي-verb, but
# not the shapes transliterations take (تش, تر, تز, تي: تشارلز, تراوري, تياني).
_IMPERFECT = re.compile(
    r"^(?:[يت]ست..|[يت]ت[^ا].|[يت][^يشاترز]ا..|[يت]ن[^ا]..|[يت][^اوي]ت[^ش].|ي[^اوي][^ا].$)"
)


def _imperfect(word: str) -> bool:
    """An imperfect verb the vocabulary does not know: its shape, and no given name, common
    word, verbal noun or start of a listed name (ينبع, تنزانيا, يلين)."""
    if not _IMPERFECT.match(word) or word in lexicon().given or is_common(word):
        return False
    return not is_verbal_noun(word) and not word_class(word) & LISTED


def _clitic_head(word: str) -> bool:
    return any(strip and form in HEAD_WORDS for strip, form in readings(word))


CLITIC_HEAD = Memo(_clitic_head)  # a head word behind a proclitic (بتنظيم)
is_imperfect: Callable[[str], bool] = Memo(_imperfect).__getitem__


def _breaks(word: str) -> bool:
    """Whether a word ends a name wherever it stands (the tests that need only the word)."""
    lex = lexicon()
    if any(form in HEAD_WORDS or (s and is_common(form)) for s, form in readings(word)):
        return True  # X مهرجان, X بماراثون, X بلقب: something else begins
    if is_function_word(word) or word in TITLES or word in lex.nationality or word in NUMBERS:
        return True
    if word[0] == "و" and word not in lex.given:  # بايدن ونتنياهو: a second name
        return True
    if any(form.startswith("ال") for strip, form in readings(word) if strip):
        return True  # بالرئيس, والقاهرة: a proclitic on an article word starts something else
    if accusative(word, lex) or is_imperfect(word):
        return True  # اتصالا هاتفيا, معرضا: accusatives and adverbs; تواجه: a verb
    # فهد اليوسف إبعاد ..., سلاف فواخرجي مشاركتها
    return is_verbal_noun(word) or _possessed(word, lex)


BREAKS = Memo(_breaks)
