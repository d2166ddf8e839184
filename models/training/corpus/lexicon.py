"""Unigram lexicons models/lexicon/<lang>.tsv.gz: stripped lowercase word -> most frequent lowercase form.

Counts come from the train split (never dev, never benchmarks) plus ../shared/wordfreq; wordfreq relative
frequencies are turned into counts as if the list were a WORDFREQ_TOKENS-token corpus, so both sources weigh in
even for languages with little corpus text. The count column is that combined count of the chosen form.
"""
import gzip
import os
import time
from collections import Counter, defaultdict

from .text import ALPHA
from .words import hunspell_forms, read_wordfreq

WORDFREQ_TOKENS = 10_000_000
MAX_TOTAL_BYTES = 15_000_000


def lower(word: str, lang: str) -> str:
    """Lowercase with the Turkish dotted/dotless I rule (Python's str.lower turns 'I' into 'i' and 'İ' into 'i̇')."""
    if lang == 'tr':
        word = word.replace('İ', 'i').replace('I', 'ı')
    return word.lower()


def _strip_fn(log):
    for attempt in range(60):
        try:
            from models.training.noise import strip_diacritics
            return strip_diacritics
        except ImportError:
            if attempt == 0:
                log('waiting for models/training/noise.py (strip_diacritics) ...')
            time.sleep(30)
    raise SystemExit('models/training/noise.py with strip_diacritics is missing; the lexicons need it')


def count_forms(lang, train_path, shared, dictionary_forms=()):
    """Counter of lowercase word forms: corpus counts + scaled wordfreq counts; forms only known from the
    hunspell dictionary count 1, so they fill gaps (unseen words) without outvoting observed forms."""
    c = Counter()
    if os.path.exists(train_path):
        with open(train_path, encoding='utf-8') as f:
            for line in f:
                for w in ALPHA.findall(line):
                    c[lower(w, lang)] += 1
    wf = read_wordfreq(shared, lang)
    total = sum(v for _, v in wf)
    for w, v in wf:
        for part in ALPHA.findall(w):  # wordfreq rows such as "l'homme" or "jean-paul" give their letter runs
            c[lower(part, lang)] += max(1, round(v / total * WORDFREQ_TOKENS))
    for f in dictionary_forms:
        for part in ALPHA.findall(f):
            lf = lower(part, lang)
            if lf not in c:
                c[lf] = 1
    return c


def lexicon_rows(counts: Counter, strip, lang, min_count=1):
    """[(key, best form, count)] for keys whose best form differs from the key or that have a rival form."""
    by_key = defaultdict(list)
    for w, n in counts.items():
        if n >= min_count:
            by_key[lower(strip(w, lang), lang)].append((n, w))
    rows = []
    for key, forms in by_key.items():
        forms.sort(key=lambda t: (-t[0], t[1]))
        best_n, best = forms[0]
        rival = len(forms) > 1 and forms[1][0] >= 2
        if best != key or rival:
            rows.append((key, best, best_n))
    rows.sort(key=lambda r: (-r[2], r[0]))
    return rows


def write_lexicon(path, rows):
    tmp = path + '.tmp'
    with gzip.open(tmp, 'wt', encoding='utf-8', compresslevel=9) as f:
        for key, best, n in rows:
            f.write('%s\t%s\t%d\n' % (key, best, n))
    os.replace(tmp, path)
    return os.path.getsize(path)


def build_lexicons(ctx, langs, manifest):
    log = ctx['log']
    strip = _strip_fn(log)
    out_dir = os.path.join(ctx['repo'], 'models', 'lexicon')
    os.makedirs(out_dir, exist_ok=True)
    per_lang_budget = MAX_TOTAL_BYTES // 20
    for lang in langs:
        forms = hunspell_forms(ctx['repo'], lang, os.path.join(ctx['data'], 'cache', 'unmunch'))
        counts = count_forms(lang, os.path.join(ctx['data'], 'corpus', lang + '.train.txt'), ctx['shared'], forms)
        rows = lexicon_rows(counts, strip, lang)
        n_all = len(rows)
        path = os.path.join(out_dir, lang + '.tsv.gz')
        size = write_lexicon(path, rows)
        # Over budget: drop the rarest keys (rows are sorted by count, dictionary-only forms last).
        while size > per_lang_budget:
            rows = rows[:int(len(rows) * per_lang_budget / size * 0.97)]
            size = write_lexicon(path, rows)
        if lang in manifest:
            manifest[lang]['lexicon'] = {'keys': len(rows), 'keys_before_cap': n_all, 'bytes': size}
        log('lexicon %s: %d keys (of %d), %.2f MB' % (lang, len(rows), n_all, size / 1e6))
