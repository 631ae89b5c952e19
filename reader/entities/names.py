"""Where a person's name ends, given where it starts (after a title or a given name).

A name runs through given names, unknown words and particle chains (بن, آل, عبد, أبو, دي),
and may end in one or more article surnames (أحمد الشرع, مشعل الأحمد الجابر الصباح). It stops
at function words, verbs, common vocabulary, nationality adjectives, a conjunction-prefixed
word and punctuation (tokens not joined).
"""

from __future__ import annotations

from reader.entities.clitics import readings
from reader.entities.lexicon import Lexicon
from reader.entities.tokens import Token
from reader.entities.vocab import PARTICLES, STOP, TITLES
from reader.entities.words import can_start_name, is_common, is_function_word, is_verbal_noun

MAX_WORDS = 4  # name words, not counting particles


def _continues(tokens: list[Token], k: int) -> bool:
    return k < len(tokens) and tokens[k].joined and tokens[k].norm not in STOP


def _vouched(tokens: list[Token], start: int, lex: Lexicon) -> bool:
    """After a title, a first word that is also vocabulary (جوزيه) passes when a clear name
    word follows it (جوزيه غوميز)."""
    first, k = tokens[start].norm, start + 1
    if is_function_word(first) or first.startswith("ال") or k >= len(tokens):
        return False
    return tokens[k].joined and can_start_name(tokens[k].norm, lex, titled=False)


def name_end(tokens: list[Token], start: int, lex: Lexicon, titled: bool) -> int | None:
    """One past the last token of the name starting at `start`, or None if none starts."""
    first = tokens[start].norm
    if not can_start_name(first, lex, titled) and not (titled and _vouched(tokens, start, lex)):
        return None
    k, words = start + 1, 1
    if first in PARTICLES:  # أبو عبيدة, عبد الله: the particle needs its word
        if not _continues(tokens, k):
            return None
        k += 1
    while k < len(tokens) and tokens[k].joined and words < MAX_WORDS:
        word = tokens[k].norm
        if word in PARTICLES and _continues(tokens, k + 1):
            k, words = k + 2, words + 1
            continue
        if is_function_word(word) or word in TITLES or word in lex.nationality:
            break
        if word[0] == "و" and word not in lex.given:  # بايدن ونتنياهو: a second name
            break
        if any(form.startswith("ال") for strip, form in readings(word) if strip):
            break  # بالرئيس, والقاهرة: a proclitic on an article word starts something else
        if word.endswith("ا") and word not in lex.given:
            break  # اتصالا هاتفيا, معرضا: accusative nouns and adverbs after the name
        if is_verbal_noun(word, lex):
            break  # فهد اليوسف إبعاد ...
        if tokens[k - 1].norm.startswith("ال") and not word.startswith("ال"):
            break  # after an article surname only more of them (مشعل الأحمد الجابر الصباح)
        if is_common(word, lex) and word not in lex.given:
            break
        k, words = k + 1, words + 1
    return k
