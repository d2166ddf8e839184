"""Name forms: models/lexicon/<lang>.names.br, read with the lexicons (electron/engine/lexicon/lexicon.ts) and used by
lexicon-plan.ts (typo candidates of a capitalised word inside a sentence).

The lexicons are lowercase, so "China" and "china", "Noruega" and a word nobody capitalises look alike to them, and a
capitalised word the lexicon lacks inside a sentence is mostly a name that no fix should touch ("Heidelberg",
"Durham"). A typo in a name the language writes ("Chgina", "Noruegq", lt "Vilniasu") has a near form that is itself a
name. The forms written so are:
- in our text (data/corpus/<lang>.{train,more,laws}.txt), the words seen capitalised inside a sentence (not first,
  not after a sentence's end) at least MIN_COUNT times and at least as often as in lowercase;
- in the language's Hunspell dictionary (node_modules/dictionary-<lang>/index.dic), the capitalised stems.
The file is the sorted lowercase forms (NFC), one per line, brotli-compressed.
"""
import collections
import os
import re
import unicodedata

from models.training.lm.lmfile import compress

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Between the previous word and this one: a sentence's end, then spaces, quotes or brackets.
SENTENCE_END = re.compile(r'[.!?:…]\s*["“”„«»\'(\[]*\s*$')
MIN_COUNT = 2
TEXTS = ('train', 'more', 'laws')


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() and word[1:] == word[1:].lower()


def text_counts(lines, lang: str) -> tuple[collections.Counter, collections.Counter]:
    """(capitalised, lowercase) counts of the lowercase forms of the words inside sentences of `lines`."""
    from .build import lower  # here: build.py imports this module
    capitalised, lowercase = collections.Counter(), collections.Counter()
    for line in lines:
        end = 0
        for i, m in enumerate(WORD.finditer(line)):
            word, gap, end = m.group(0), line[end:m.start()], m.end()
            if i == 0 or SENTENCE_END.search(gap):
                continue
            if word == word.lower():
                lowercase[word] += 1
            elif is_capitalised(word):
                capitalised[lower(word, lang)] += 1
    return capitalised, lowercase


def text_names(lines, lang: str, min_count: int = MIN_COUNT) -> set[str]:
    """The forms of `lines` written capitalised inside sentences min_count times or more, and mostly so."""
    capitalised, lowercase = text_counts(lines, lang)
    return {form for form, n in capitalised.items() if n >= min_count and n >= lowercase[form]}


def dictionary_names(dic_lines, lang: str) -> set[str]:
    """The capitalised stems of a Hunspell .dic file's lines (the first line is the entry count), lowercase."""
    from .build import lower
    out = set()
    for i, line in enumerate(dic_lines):
        stem = line.split('/')[0].strip()
        if i > 0 and len(stem) > 1 and is_capitalised(stem) and WORD.fullmatch(stem):
            out.add(lower(stem, lang))
    return out


def name_forms(lang: str, data: str, repo: str) -> set[str]:
    """The name forms of `lang` (module docstring), NFC."""
    names = set()
    for kind in TEXTS:
        path = os.path.join(data, 'corpus', '%s.%s.txt' % (lang, kind))
        if os.path.exists(path):
            with open(path, encoding='utf-8') as f:
                names |= text_names(f, lang)
    dic = os.path.join(repo, 'node_modules', 'dictionary-' + lang, 'index.dic')
    if os.path.exists(dic):
        with open(dic, encoding='utf-8', errors='replace') as f:
            names |= dictionary_names(f, lang)
    return {unicodedata.normalize('NFC', n) for n in names}


def names_path(out_dir: str, lang: str) -> str:
    return os.path.join(out_dir, lang + '.names.br')


def write_names(langs, out_dir: str, data: str, repo: str, log=print) -> dict[str, int]:
    """Writes out_dir/<lang>.names.br for each of `langs`; returns their sizes (forms)."""
    sizes = {}
    for lang in langs:
        forms = sorted(name_forms(lang, data, repo))
        with open(names_path(out_dir, lang), 'wb') as f:
            f.write(compress(''.join(form + '\n' for form in forms).encode('utf-8')))
        sizes[lang] = len(forms)
        log('%s: %d name forms' % (lang, len(forms)))
    return sizes
