"""The tagger's alphabet: input character ids and output classes (which letter a stripped letter was).

Input: one id per Unicode code point of the (possibly stripped) text; Latin letters, Latin-1, Latin Extended-A/B
and Latin Extended Additional (Vietnamese) get their own ids, anything else shares a hashed bucket (the tagger
only needs to know "not a letter of ours").
Output: per character, a class: 0 = KEEP (the letter is right as it is), or one of the letters of the languages'
own alphabets in the noise tables (folded to lower case; the generic Latin table's letters, found in foreign names,
are left to the lexicon). A letter may only become a letter of its language that strips back to it:
`allowed(lang)` gives, per input id, the classes it may take, and everything else is masked out, so the tagger
can never write a letter that is not a diacritic variant of what was typed.
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import noise  # noqa: E402
from languages import LANGUAGES as _LANGUAGES  # noqa: E402  (models/languages.json)

LANGUAGES = list(_LANGUAGES)
N_LANGS = len(LANGUAGES)
PAD_ID = 0
_LATIN_END = 0x250          # U+0000-U+024F: ASCII, Latin-1, Latin Extended-A and -B
_VI_START, _VI_END = 0x1E00, 0x1F00   # Latin Extended Additional (Vietnamese ạ ả ấ ...)
_HASH_BUCKETS = 64
N_INPUT_IDS = _LATIN_END + (_VI_END - _VI_START) + _HASH_BUCKETS


def char_id(c: str) -> int:
    o = ord(c)
    if 0 < o < _LATIN_END:
        return o
    if _VI_START <= o < _VI_END:
        return _LATIN_END + o - _VI_START
    return _LATIN_END + (_VI_END - _VI_START) + o % _HASH_BUCKETS


def fold(c: str) -> str:
    """Lower case where that stays one code point (İ stays İ)."""
    lo = c.lower()
    return lo if len(lo) == 1 else c


@lru_cache(maxsize=None)
def classes() -> list[str]:
    """Class 0 is KEEP; then every folded letter that some language strips to another letter."""
    letters = set()
    for lang in LANGUAGES:
        letters.update(fold(src) for src in own_letters(lang))
    return ['KEEP'] + sorted(letters)


@lru_cache(maxsize=None)
def class_index() -> dict[str, int]:
    return {c: i for i, c in enumerate(classes())}


def own_letters(lang: str) -> dict[str, str]:
    """The letters of `lang`'s own alphabet with diacritics -> their base letters (lt: ą -> a, ...)."""
    return noise.TABLES['strip']['languages'][lang]


@lru_cache(maxsize=None)
def variants(lang: str) -> dict[str, list[str]]:
    """Base letter -> the letters of `lang` that strip to it (both cases), e.g. lt 'a' -> ['ą']."""
    out: dict[str, list[str]] = {}
    for src, base in own_letters(lang).items():
        out.setdefault(base, []).append(src)
    return out


@lru_cache(maxsize=None)
def allowed(lang: str) -> dict[int, list[int]]:
    """Input id -> classes other than KEEP it may take in `lang` (ids without variants are absent)."""
    idx = class_index()
    out: dict[int, list[int]] = {}
    for base, srcs in variants(lang).items():
        out[char_id(base)] = sorted({idx[fold(s)] for s in srcs})
    return out


def target_class(typed: str, gold: str) -> int | None:
    """The class that turns `typed` into `gold` (KEEP when equal; None for a letter of no language's alphabet)."""
    return 0 if typed == gold else class_index().get(fold(gold))


def apply_class(typed: str, cls: int) -> str:
    """The letter class `cls` writes for the typed letter, in the typed letter's case."""
    if cls == 0:
        return typed
    letter = classes()[cls]
    if typed.isupper():
        up = letter.upper()
        return up if len(up) == 1 else letter
    return letter


def tables_json(tagged: list[str] | None = None) -> str:
    """The alphabet as the engine reads it (models/tagger.<langs>.json). `tagged`: the languages the network was trained on
    (default all); the others get no allowed letters, so the engine does not ask the tagger about them."""
    return json.dumps({
        'version': 1,
        'languages': LANGUAGES,
        'classes': classes(),
        'allowed': {lang: {str(k): v for k, v in allowed(lang).items()} for lang in LANGUAGES
                    if tagged is None or lang in tagged},
        'inputIds': {'latinEnd': _LATIN_END, 'viStart': _VI_START, 'viEnd': _VI_END, 'hashBuckets': _HASH_BUCKETS},
    }, ensure_ascii=False)
