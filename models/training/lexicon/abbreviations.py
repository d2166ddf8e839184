"""Abbreviations: models/lexicon/abbreviations.json, read with the lexicons (electron/engine/lexicon/lexicon.ts) and
used by lexicon-plan.ts (restoredAbbreviation).

Our text hardly has them (Czech "č. 5" 4 times in 1 M words, "čl." never: no legal register), so the lexicon ranks the
letter "c" far above "č" and knows no "čl", and a typo fix turns lt "psl." (page) into "psi.". Two lists name them:
the language's Hunspell dictionary (each entry that is letters and a full stop: "č.", "čl.", hu "márc.") and
LibreOffice's autocorrect list of the words after whose full stop a sentence goes on (SentenceExceptList.xml in
acor_<locale>.dat of Debian's libreoffice-common, MPL-2.0: es "núm.", lt "žr.", "psl.", pl "św."). The table maps
the letters as a writer without diacritics types them to the abbreviation, both without the full stop:
- an abbreviation with a diacritic under its stripped letters ("c" -> "č"), case as written ("Ur" -> "Úř"), unless
  that stripped spelling is an abbreviation too or two strip to it (pt "pág." beside "pag.", sl "št." beside "st."):
  there the writer's spelling may be the one meant;
- an abbreviation of two or more letters without one under itself ("psl" -> "psl"): kept as typed, no typo fix.
Where LibreOffice's list for a language is the English one (ro, tr), it is left out.
"""
import glob
import html
import json
import os
import re
import unicodedata
import zipfile

ENTRY = re.compile(r'^([^\W\d_]+)\.$')
AUTOCORRECT = os.path.join('usr', 'lib', 'libreoffice', 'share', 'autocorr')
EXCEPTION = re.compile(r'abbreviated-name="([^"]*)"')
# A language's list that is mostly the English one's was copied from it.
ENGLISH_SHARE = 0.8


def _letters(entries) -> set[str]:
    """The entries that are letters and one full stop, without the stop, NFC."""
    out = set()
    for entry in entries:
        m = ENTRY.match(unicodedata.normalize('NFC', entry))
        if m:
            out.add(m.group(1))
    return out


def dictionary_entries(dic_path: str) -> set[str]:
    """The abbreviations of a Hunspell .dic file, without the stop."""
    entries = []
    with open(dic_path, encoding='utf-8', errors='replace') as f:
        next(f, None)  # the entry count
        for line in f:
            # The entry is the line's first field, up to its flags (hu adds its inflected forms after a tab).
            field = line.split('/')[0].split()
            if field:
                entries.append(field[0])
    return _letters(entries)


def _sentence_exceptions(dat_path: str) -> set[str]:
    with zipfile.ZipFile(dat_path) as z:
        if 'SentenceExceptList.xml' not in z.namelist():
            return set()
        xml = z.read('SentenceExceptList.xml').decode('utf-8')
    return _letters(html.unescape(e) for e in EXCEPTION.findall(xml))


def autocorrect_entries(autocorr_dir: str, lang: str) -> set[str]:
    """The abbreviations of LibreOffice's autocorrect list for `lang` (acor_<lang>-<LANG>.dat, else acor_<lang>.dat,
    else the first acor_<lang>-*.dat), without the stop; none where it has no list or the English one."""
    paths = [os.path.join(autocorr_dir, 'acor_%s-%s.dat' % (lang, lang.upper())),
             os.path.join(autocorr_dir, 'acor_%s.dat' % lang)] + sorted(
        glob.glob(os.path.join(autocorr_dir, 'acor_%s-*.dat' % lang)))
    path = next((p for p in paths if os.path.exists(p)), None)
    if path is None:
        return set()
    entries = _sentence_exceptions(path)
    english = os.path.join(autocorr_dir, 'acor_en-US.dat')
    if lang != 'en' and entries and os.path.exists(english):
        if len(entries & _sentence_exceptions(english)) >= ENGLISH_SHARE * len(entries):
            return set()
    return entries


def abbreviation_table(entries: set[str], lang: str) -> dict[str, str]:
    """Typed letters -> abbreviation (module docstring) for a language's abbreviations without their stops."""
    from models.training.noise import strip_diacritics
    by_key: dict[str, list[str]] = {}
    for entry in entries:
        by_key.setdefault(strip_diacritics(entry, lang), []).append(entry)
    table = {}
    for key, forms in sorted(by_key.items()):
        if forms == [key]:
            if len(key) >= 2:
                table[key] = key
        elif len(forms) == 1 and key not in entries:
            table[key] = forms[0]
    return table


def write_abbreviations(langs, out_dir: str, repo: str, data: str, log=print) -> dict[str, int]:
    """Updates out_dir/abbreviations.json with the tables of `langs` (a language without one is left out) from the
    npm dictionaries and LibreOffice's lists (libreoffice-common, fetched into `data`); returns their sizes."""
    from models.training.corpus.debian import extracted
    path = os.path.join(out_dir, 'abbreviations.json')
    tables = {}
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            tables = json.load(f)
    package = extracted(data, 'libreoffice-common', log)
    if package is None:
        raise SystemExit('libreoffice-common (LibreOffice\'s autocorrect lists) cannot be fetched with apt-get')
    autocorr = os.path.join(package, AUTOCORRECT)
    sizes = {}
    for lang in langs:
        dic = os.path.join(repo, 'node_modules', 'dictionary-' + lang, 'index.dic')
        entries = (dictionary_entries(dic) if os.path.exists(dic) else set()) | autocorrect_entries(autocorr, lang)
        table = abbreviation_table(entries, lang)
        tables.pop(lang, None)
        if table:
            tables[lang] = table
        sizes[lang] = len(table)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(dict(sorted(tables.items())), f, ensure_ascii=False, indent=1)
        f.write('\n')
    return sizes
