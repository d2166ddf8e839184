"""Word lists data/words/<lang>.txt: frequency-list words, then corpus words, then hunspell word forms."""
import os
import random
import subprocess
from collections import Counter

from .text import LETTER, WORD, normalize

# wordfreq-alt is preferred for it and ro: their OpenSubtitles lists are full of accent-less spellings
# (../shared/wordfreq/README.md, "Warnings").
ALT_WORDFREQ = {'it', 'ro'}
UNMUNCH_MAX_FORMS = 1_500_000
UNMUNCH_TIMEOUT_S = 150


def wordfreq_path(shared: str, lang: str):
    if lang in ALT_WORDFREQ:
        p = os.path.join(shared, 'wordfreq', 'wordfreq-alt', lang + '.tsv')
        if os.path.exists(p):
            return p
    p = os.path.join(shared, 'wordfreq', lang + '.tsv')
    return p if os.path.exists(p) else None


def read_wordfreq(shared: str, lang: str) -> list:
    """[(word, value)] in the file's (descending frequency) order; value is a count or a relative frequency."""
    path = wordfreq_path(shared, lang)
    if not path:
        return []
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) != 2:
                continue
            w = normalize(parts[0])
            if w and LETTER.search(w) and ' ' not in w:
                out.append((w, float(parts[1])))
    return out


def _valid_form(w: str) -> bool:
    return bool(w) and ' ' not in w and LETTER.search(w) is not None and WORD.fullmatch(w) is not None


def hunspell_forms(repo: str, lang: str, cache_dir: str) -> list:
    """Stems of node_modules/dictionary-<lang> plus their unmunch expansion, capped.

    Stems are shuffled with a fixed seed before expansion, so when the output is capped (lt, hu, cs, pl... expand
    to millions of forms) the kept forms are a random sample of stems, not the first letters of the alphabet.
    Lines that unmunch leaves with '/flags' (two-level affixes, e.g. hu) are dropped.
    """
    os.makedirs(cache_dir, exist_ok=True)
    cached = os.path.join(cache_dir, lang + '.forms')
    d = os.path.join(repo, 'node_modules', 'dictionary-' + lang)
    dic, aff = os.path.join(d, 'index.dic'), os.path.join(d, 'index.aff')
    if not os.path.exists(dic):
        return []
    with open(dic, encoding='utf-8', errors='replace') as f:
        lines = f.read().split('\n')
    stems = [ln.split('/')[0].strip() for ln in lines[1:] if ln.strip()]
    if not os.path.exists(cached):
        body = lines[1:]
        random.Random(42).shuffle(body)
        sdic = os.path.join(cache_dir, lang + '.shuffled.dic')
        with open(sdic, 'w', encoding='utf-8') as f:
            f.write(lines[0] + '\n' + '\n'.join(b for b in body if b.strip()) + '\n')
        tmp = cached + '.tmp'
        cmd = 'timeout %d nice unmunch %s %s 2>/dev/null | head -n %d > %s' % (
            UNMUNCH_TIMEOUT_S, sdic, aff, UNMUNCH_MAX_FORMS, tmp)
        subprocess.run(['bash', '-c', cmd], check=False)
        os.replace(tmp, cached)
    forms = []
    with open(cached, encoding='utf-8', errors='replace') as f:
        for ln in f:
            ln = ln.rstrip('\n')
            if '/' not in ln:
                forms.append(normalize(ln))
    seen, out = set(), []
    for w in [normalize(s) for s in stems] + forms:
        if w not in seen and _valid_form(w):
            seen.add(w)
            out.append(w)
    return out


def corpus_word_counts(lines) -> Counter:
    c = Counter()
    for line in lines:
        c.update(WORD.findall(line))
    return c


def build_word_list(wordfreq: list, corpus_counts: Counter, forms: list) -> list:
    """Frequency-list order first, then corpus words by count, then dictionary forms.

    A capitalised corpus form is kept only when its lowercase form never occurs (names stay capitalised).
    """
    out, seen = [], set()

    def add(w):
        if w not in seen and _valid_form(w):
            seen.add(w)
            out.append(w)

    for w, _ in wordfreq:
        add(w)
    lowered = Counter()
    for w, n in corpus_counts.items():
        lw = w.lower()
        key = lw if (lw == w or lw in corpus_counts) else w
        lowered[key] += n
    for w, _ in sorted(lowered.items(), key=lambda kv: (-kv[1], kv[0])):
        add(w)
    for w in forms:
        add(w)
    return out
