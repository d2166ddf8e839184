"""Detect English leftovers in translated material (untranslated strings, quoted English)."""
import os
import re

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Words frequent in English and not words of any target language. Not here on purpose: 'do' (pl), 'has' (es),
# 'use' (es, pt), 'can' (tr), 'to' (cs, sk, pl), 'in' (sl, it, de), 'is' (hu), 'are' (ro), 'by' (cs), 'be' (hu).
STRONG = frozenset('the and of with for this that you your from which when have not or if there their been would '
                   'should these those what into only also its it such other must may using used following default '
                   'does cannot will'.split())
# Ambiguous across languages: counted only in lines without any non-ASCII letter that already have a strong word.
WEAK = frozenset('is are was be by an to in on as at a has use can do no'.split())


_LISTS = {}
EN_TOP = 30000


def _wordfreq_set(shared, lang, limit=None):
    key = (lang, limit)
    if key not in _LISTS:
        from .words import read_wordfreq
        words = read_wordfreq(shared, lang)
        _LISTS[key] = frozenset(w for w, _ in (words[:limit] if limit else words))
    return _LISTS[key]


def _own_words(shared, lang):
    """The language's frequency list plus its hunspell stems (ga has no frequency list)."""
    key = ('own', lang)
    if key not in _LISTS:
        words = set(_wordfreq_set(shared, lang))
        dic = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'node_modules', 'dictionary-' + lang,
                           'index.dic')
        if os.path.exists(dic):
            with open(dic, encoding='utf-8', errors='replace') as f:
                next(f, None)
                words.update(line.split('/')[0].strip().lower() for line in f)
        _LISTS[key] = frozenset(words)
    return _LISTS[key]


def looks_english(line: str, lang: str = None, shared: str = None) -> bool:
    """True when English function words make up 25%+ of the words (at least 2, one of them in STRONG), or, given
    the language, when half the words (at least 2) are common English words absent from its frequency list
    (catches short untranslated titles such as "Edit contact details"), or three times as many such words as
    words known only in the language."""
    toks = [t.lower() for t in _TOKEN.findall(line)]
    if len(toks) < 2:
        return False
    if lang and shared and lang != 'en':
        en = _wordfreq_set(shared, 'en', EN_TOP)
        own = _own_words(shared, lang)
        only_en = sum(1 for t in toks if t in en and t not in own)
        only_own = sum(1 for t in toks if t in own and t not in en)
        if only_en >= 2 and (only_en >= 0.5 * len(toks) or only_en >= 3 * only_own):
            return True
    strong = sum(1 for t in toks if t in STRONG)
    if strong == 0:
        return False
    score = strong
    if all(ord(c) < 128 for c in line if c.isalpha()):
        score += sum(1 for t in toks if t in WEAK)
    return score >= 2 and score >= 0.25 * len(toks)
