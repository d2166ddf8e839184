"""Evaluation sentences that must never reach training (../shared/benchmarks)."""
import glob
import os
import re
import unicodedata

from .text import normalize

_NON_ALNUM = re.compile(r'[\W_]+')


def loose_key(line: str) -> str:
    """Lowercase, accents (combining marks) dropped, only letters and digits kept.

    Catches benchmark sentences that differ from a corpus line only by tokenisation (UD vi puts spaces around
    punctuation), case, or missing diacritics (the cs '-input' files are stripped). Only a matching key, never used
    to make training text.
    """
    s = unicodedata.normalize('NFD', line.lower())
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return _NON_ALNUM.sub('', s)


def benchmark_files(shared: str) -> list:
    root = os.path.join(shared, 'benchmarks')
    files = sorted(glob.glob(os.path.join(root, 'ud', '*.txt')))
    for kind in ('gold', 'input', 'system'):
        files += sorted(glob.glob(os.path.join(root, 'cs-ufal-other-domain', '*-%s.txt' % kind)))
    return files


def load_keys(shared: str):
    """Return (exact set, loose set) over every benchmark sentence, all languages together."""
    exact, loose = set(), set()
    for path in benchmark_files(shared):
        with open(path, encoding='utf-8', errors='replace') as f:
            for raw in f:
                line = normalize(raw)
                if not line:
                    continue
                exact.add(line)
                exact.add(line.lower())
                k = loose_key(line)
                if len(k) >= 8:  # very short keys ("ano") would only remove unrelated short lines
                    loose.add(k)
    return exact, loose


def is_benchmark(line: str, exact: set, loose: set) -> bool:
    return line in exact or line.lower() in exact or loose_key(line) in loose
