"""Elisions: models/lexicon/elisions.json, read with the lexicons (electron/engine/lexicon/lexicon.ts) and used by
elision.ts, which gives a word typed without its apostrophe ("jai", "cest", "lamico") the spelling with it.

The engine's words are letter runs, so "j'ai" is "j" and "ai" to the lexicon: no table of ours says which elided word
goes before which. This one does, from our text (data/corpus/<lang>.train.txt, never the benchmarks): for each word
after an elided one, the share of its occurrences that follow each elided word (fr "ai": "j'" 0.61, "n'" 0.16; "et":
none, so "set" is never "s'et"), kept where the pair was seen MIN_PAIR times, and where its letters are no word of the
language's Hunspell dictionary (fr "dune", "lest": "d'une", "l'est" have those letters, and UD's clean "dune" had
become "d'une").
"""
import collections
import json
import os
import re

# Elided words, the longest first: fr "jusqu'à", "qu'il", "j'ai"; it "dell'acqua", "un'altra", "l'amico".
ELIDED = {
    'fr': ['lorsqu', 'puisqu', 'jusqu', 'qu', 'c', 'd', 'j', 'l', 'm', 'n', 's', 't'],
    'it': ['quell', 'dell', 'dall', 'nell', 'sull', 'coll', 'bell', 'sant', 'all', 'un', 'c', 'd', 'l', 'm', 't', 's',
           'v'],
}
MIN_PAIR = 3
RUN = re.compile(r"[^\W\d_]+")


def elision_table(lines, lang: str, dictionary=frozenset()) -> dict[str, dict[str, float]]:
    """elided word -> word after it (lowercase, as written) -> share of that word's occurrences after it (3 digits);
    none whose letters together are one of `dictionary`'s forms."""
    heads = ELIDED[lang]
    pair = re.compile(r"(?<![^\W\d_])(%s)['’]([^\W\d_]+)" % '|'.join(heads))
    pairs = collections.Counter()
    words = collections.Counter()
    for line in lines:
        low = line.lower()
        pairs.update((m.group(1), m.group(2)) for m in pair.finditer(low))
        words.update(RUN.findall(low))
    table: dict[str, dict[str, float]] = {}
    for (head, word), n in sorted(pairs.items()):
        if n >= MIN_PAIR and head + word not in dictionary:
            table.setdefault(head, {})[word] = float('%.3g' % (n / words[word]))
    return table


def dictionary_words(lang: str, data: str) -> frozenset:
    """The lowercase forms of the language's Hunspell dictionary (expanded once and cached, as the lexicons are)."""
    from .build import dictionary_forms
    cache = os.path.join(data, 'cache', 'lexicon')
    os.makedirs(cache, exist_ok=True)
    path = os.path.join(cache, lang + '.dict')
    dictionary_forms(lang, path)
    with open(path, encoding='utf-8') as f:
        return frozenset(line.rstrip('\n') for line in f)


def write_elisions(langs, out_dir: str, data: str, log=print) -> dict[str, int]:
    """Updates out_dir/elisions.json with the tables of `langs` that elide (fr, it) from data/corpus/<lang>.train.txt;
    returns their sizes (pairs)."""
    path = os.path.join(out_dir, 'elisions.json')
    tables = {}
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            tables = json.load(f)
    sizes = {}
    for lang in langs:
        if lang not in ELIDED:
            continue
        corpus = os.path.join(data, 'corpus', lang + '.train.txt')
        if not os.path.exists(corpus):
            log('elisions: %s has no %s: left as it was' % (lang, corpus))
            continue
        with open(corpus, encoding='utf-8') as f:
            tables[lang] = elision_table(f, lang, dictionary_words(lang, data))
        sizes[lang] = sum(len(words) for words in tables[lang].values())
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(dict(sorted(tables.items())), f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write('\n')
    return sizes
