"""A third dev set, informal and spoken: the dialogue of Fish Fillets NG, out of every training domain.

  python3 -m models.training informal-dev        -> data/informal-dev/<lang>.txt

The dev split is written text of our sources' registers, news-dev is news; users also write the way they speak
(cs "Jak je tohle možný?", "prrroblém", "Húúúú"). Fish Fillets NG, a game from a Czech studio, has two fish talk
through some 80 levels; Debian's fillets-ng-data (GPL-2+) ships their lines in Czech and translated into several of
our languages. Evaluation only, like news-dev: debian.py never lists the package, so no corpus, lexicon, LM or network
sees its text; we only read it to measure. Each file holds the language's distinct lines of four words or more,
in a fixed-seed order.
"""
from __future__ import annotations

import argparse
import glob
import os
import random
import re

from ..languages import LANGUAGES
from .debian import extracted
from .news_dev import write_dev_file

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
PACKAGE = 'fillets-ng-data'
SCRIPTS = 'usr/share/games/fillets-ng/script'
# The languages of ours with lines in most of the game's levels (sl has 21 of 97 levels, tr one); en for typos.
INFORMAL_LANGUAGES = ('cs', 'pl', 'fr', 'es', 'de', 'it', 'en')
SEED = 3
MIN_WORDS = 4

# dialogStr("..."), the string on the same line or the next; \" inside is an escaped quote. The English files, the
# game's originals, hold dialogId("id", "font", "...") alone (the id sometimes followed by `..i`); a translated file
# repeats those English lines before its own dialogStr lines, so only English reads them.
DIALOG_STR = re.compile(r'dialogStr\(\s*"((?:[^"\\]|\\.)*)"\s*\)', re.S)
DIALOG_ID = re.compile(r'dialogId\(\s*"[^"]*"(?:\s*\.\.\s*\w+)?\s*,\s*"[^"]*"\s*,\s*"((?:[^"\\]|\\.)*)"', re.S)


def dialog_lines(lua: str, original: bool = False) -> list[str]:
    """The spoken lines of one dialogs_<lang>.lua file (`original`: the English one), whitespace collapsed, escapes
    undone."""
    out = []
    for m in (DIALOG_ID if original else DIALOG_STR).finditer(lua):
        text = re.sub(r'\\(.)', r'\1', m.group(1))
        out.append(' '.join(text.split()))
    return out


def informal_lines(files: list[str], seed: int = SEED, min_words: int = MIN_WORDS,
                   original: bool = False) -> list[str]:
    """Distinct lines of at least min_words words from the given file texts, shuffled with a fixed seed."""
    lines = dict.fromkeys(line for text in files for line in dialog_lines(text, original)
                          if len(line.split()) >= min_words)
    out = list(lines)
    random.Random(seed).shuffle(out)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=os.path.join(ROOT, 'data'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'data', 'informal-dev'))
    args = ap.parse_args(argv)
    root = extracted(args.data, PACKAGE)
    if root is None:
        raise SystemExit(f'{PACKAGE}: apt-get download failed (run `apt-get update` first)')
    os.makedirs(args.out, exist_ok=True)
    for lang in INFORMAL_LANGUAGES:
        assert lang in LANGUAGES, lang
        texts = []
        for path in sorted(glob.glob(os.path.join(root, SCRIPTS, '*', f'dialogs_{lang}.lua'))):
            with open(path, encoding='utf-8') as f:
                texts.append(f.read())
        lines = informal_lines(texts, original=lang == 'en')
        write_dev_file(args.out, lang, lines)
        print(f'{lang}: {len(lines)} lines from {len(texts)} levels')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
