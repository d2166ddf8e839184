"""Abbreviations whose diacritics a writer may skip: models/lexicon/abbreviations.json, read with the lexicons
(electron/engine/lexicon/lexicon.ts) and restored by lexicon-plan.ts (restoredAbbreviation).

Our text hardly has them (Czech "č. 5" 4 times in 1 M words, "čl." never: no legal register), so the lexicon ranks the
letter "c" far above "č" and knows no "čl". The language's Hunspell dictionary lists them: each entry that is letters
and a full stop ("č.", "čl.", hu "márc."), with a diacritic, is kept under its stripped letters ("c" -> "č"), case as
written ("Ur" -> "Úř"), unless that stripped spelling is an entry too or two entries strip to it (pt "pág." beside
"pag.", sl "št." beside "st."): there the writer's spelling may be the one meant.
"""
import json
import os
import re
import unicodedata

ENTRY = re.compile(r'^([^\W\d_]+)\.$')


def dictionary_abbreviations(dic_path: str, lang: str) -> dict[str, str]:
    """Stripped letters -> the dictionary's abbreviation (both without the full stop), for `lang`'s .dic file."""
    from models.training.noise import strip_diacritics
    entries = set()
    with open(dic_path, encoding='utf-8', errors='replace') as f:
        next(f, None)  # the entry count
        for line in f:
            # The entry is the line's first field, up to its flags (hu adds its inflected forms after a tab).
            field = line.split('/')[0].split()
            m = field and ENTRY.match(unicodedata.normalize('NFC', field[0]))
            if m:
                entries.add(m.group(1))
    by_key: dict[str, list[str]] = {}
    for entry in entries:
        by_key.setdefault(strip_diacritics(entry, lang), []).append(entry)
    return {key: forms[0] for key, forms in sorted(by_key.items())
            if len(forms) == 1 and forms[0] != key and key not in entries}


def write_abbreviations(langs, out_dir: str, repo: str) -> dict[str, int]:
    """Updates out_dir/abbreviations.json with the tables of `langs` (a language without one is left out); returns
    their sizes."""
    path = os.path.join(out_dir, 'abbreviations.json')
    tables = {}
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            tables = json.load(f)
    sizes = {}
    for lang in langs:
        dic = os.path.join(repo, 'node_modules', 'dictionary-' + lang, 'index.dic')
        table = dictionary_abbreviations(dic, lang) if os.path.exists(dic) else {}
        tables.pop(lang, None)
        if table:
            tables[lang] = table
        sizes[lang] = len(table)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(dict(sorted(tables.items())), f, ensure_ascii=False, indent=1)
        f.write('\n')
    return sizes
