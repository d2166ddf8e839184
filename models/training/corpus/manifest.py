"""Per-source statistics and models/training/CORPUS.md."""
import os
import re

from .text import has_diacritic

_ALPHA2 = re.compile(r'[^\W\d_]{2,}')


def source_stats(lines) -> dict:
    """sentences, bytes and share of words (letter runs of 2+) that hold a non-ASCII letter."""
    n = b = words = dia = 0
    for s in lines:
        n += 1
        b += len(s.encode('utf-8')) + 1
        for w in _ALPHA2.findall(s):
            words += 1
            dia += has_diacritic(w)
    return {'train_sentences': n, 'train_bytes': b, 'dia_share': round(dia / words, 3) if words else 0.0}


def write_corpus_md(repo, manifest, info):
    from .corpus_md import render
    path = os.path.join(repo, 'models', 'training', 'CORPUS.md')
    text = render(manifest, info)
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(tmp, path)
    print(text)
