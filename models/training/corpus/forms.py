"""Candidate lexicons models/lexicon/<lang>.forms.tsv.br for lexicon-aware decoding (electron/engine/forms-lexicon.ts).

    /usr/bin/python3 -m models.training.corpus.forms [--langs lt cs ...] [--budget-mb 9] [--recount]

Every stripped lowercase key that has a choice to make (a form that differs from the key, or two forms) gets one
line with ALL its attested lowercase forms, most frequent first: `form1[<TAB>count1]<TAB>form2[<TAB>count2]...`.
The key is not stored: it is strip_diacritics(form) lowercased, the same for every form of the line (the reader
recomputes it with the TypeScript twin of strip_diacritics). A count of 1 is left out (a field of digits is the
count of the form before it; forms always contain a letter). Counts are those of the unigram lexicons
(lexicon.count_forms: train split + scaled wordfreq + hunspell word forms and the words of data/words/<lang>.txt,
which count 1 when seen nowhere else), rounded to two significant digits: decoding needs relative frequencies only. Never dev, never
benchmarks. Forms with less than MIN_SHARE of their key's total could never win against the frequency prior and
are dropped. Brotli (quality 11) because it is a third smaller than gzip here and Node reads it natively.

Size: all languages together get --budget-mb; each language gets an equal share, and what small languages do not
need goes to the others. Within a language the rarest keys are dropped first. The full (unpruned) rows are cached
in data/cache/forms/ so that re-budgeting does not recount the corpus (--recount forces it).
"""
import argparse
import gzip
import os
import sys
import time
import zlib
from collections import defaultdict

from .lexicon import _strip_fn, count_forms, lower
from .words import hunspell_forms

try:
    import brotli
except ImportError:  # pragma: no cover
    brotli = None

MIN_SHARE = 0.002
MAX_FORMS = 8
DEFAULT_BUDGET_MB = 9.0


def round2(n: int) -> int:
    """n rounded to two significant digits (at least 1)."""
    if n < 100:
        return max(1, int(n))
    digits = len(str(int(n))) - 2
    return int(round(n / 10 ** digits)) * 10 ** digits


def form_rows(counts, strip, lang):
    """[(total, line)] for the keys with a choice, most frequent key first."""
    by_key = defaultdict(list)
    for w, n in counts.items():
        by_key[lower(strip(w, lang), lang)].append((n, w))
    rows = []
    for key, forms in by_key.items():
        if len(forms) == 1 and forms[0][1] == key:
            continue  # nothing to choose: the word is written as it is stripped
        total = sum(n for n, _ in forms)
        forms.sort(key=lambda t: (-t[0], t[1]))
        kept = [(w, round2(n)) for n, w in forms if n >= MIN_SHARE * total][:MAX_FORMS]
        if len(kept) == 1 and kept[0][0] == key:
            continue
        rows.append((total, format_line(kept)))
    # Among equal counts (most dictionary-only keys count 1) a hash order, so that pruning drops a random
    # sample rather than the end of the alphabet.
    rows.sort(key=lambda r: (-r[0], zlib.crc32(r[1].encode('utf-8'))))
    return rows


def format_line(forms) -> str:
    """`form<TAB>count...` with counts of 1 left out."""
    return '\t'.join(w if c == 1 else '%s\t%d' % (w, c) for w, c in forms)


def compress(lines, quality=11) -> bytes:
    # Alphabetical order compresses better (shared prefixes); readers do not depend on the order.
    data = ''.join(ln + '\n' for ln in sorted(lines)).encode('utf-8')
    return brotli.compress(data, quality=quality, lgwin=24)


def full_rows(ctx, lang, recount, log):
    """Unpruned rows of `lang`, from the cache or counted anew."""
    cache = os.path.join(ctx['data'], 'cache', 'forms', lang + '.rows.gz')
    if os.path.exists(cache) and not recount:
        with gzip.open(cache, 'rt', encoding='utf-8') as f:
            return [(int(t), ln) for t, ln in (row.rstrip('\n').split('\t', 1) for row in f)]
    # The unigram lexicon's dictionary forms (hunspell stems + cached unmunch output) and data/words/<lang>.txt,
    # which was written from an earlier unmunch run and lacks some of them (and has others).
    words = hunspell_forms(ctx['repo'], lang, os.path.join(ctx['data'], 'cache', 'unmunch'))
    words_path = os.path.join(ctx['data'], 'words', lang + '.txt')
    if os.path.exists(words_path):
        with open(words_path, encoding='utf-8') as f:
            words += [ln.rstrip('\n') for ln in f if ln.strip()]
    counts = count_forms(lang, os.path.join(ctx['data'], 'corpus', lang + '.train.txt'), ctx['shared'], words)
    rows = form_rows(counts, ctx['strip'], lang)
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    with gzip.open(cache + '.tmp', 'wt', encoding='utf-8', compresslevel=1) as f:
        for t, ln in rows:
            f.write('%d\t%s\n' % (t, ln))
    os.replace(cache + '.tmp', cache)
    log('forms %s: %d keys counted' % (lang, len(rows)))
    return rows


def fit(rows, budget, estimate):
    """(kept line count, compressed bytes): the most frequent keys that fit in `budget` bytes."""
    lines = [ln for _, ln in rows]
    n = len(lines) if estimate <= budget else int(len(lines) * budget / estimate)
    blob = compress(lines[:n])
    while len(blob) > budget:
        # Size is about linear in rows: aim a little below, with the fast setting to estimate.
        n = int(n * budget / len(blob) * 0.98)
        blob = compress(lines[:n])
    return n, blob


def allocate(full_sizes: dict, budget: int) -> dict:
    """Equal shares; a language that needs less than its share leaves the rest to the others."""
    left, todo, out = budget, dict(full_sizes), {}
    while todo:
        share = left // len(todo)
        small = {l: s for l, s in todo.items() if s <= share}
        if not small:
            out.update({l: share for l in todo})
            break
        for l, s in small.items():
            out[l] = s
            left -= s
            del todo[l]
    return out


def build(ctx, langs, budget_bytes, recount, log):
    if brotli is None:
        raise SystemExit('python3-brotli is missing: apt-get install python3-brotli')
    out_dir = os.path.join(ctx['repo'], 'models', 'lexicon')
    rows = {lang: full_rows(ctx, lang, recount, log) for lang in langs}
    # Sizes of the unpruned files, estimated with the fast setting (quality 11 is ~25% smaller still), exact for
    # the small ones (the estimate is off most for them, and they are cheap to compress).
    full = {lang: len(compress([ln for _, ln in r], quality=9)) * 3 // 4 for lang, r in rows.items()}
    for lang, size in full.items():
        if size < budget_bytes / len(langs):
            full[lang] = len(compress([ln for _, ln in rows[lang]]))
    shares = allocate(full, budget_bytes)
    report = {}
    for lang in langs:
        n, blob = fit(rows[lang], shares[lang], full[lang])
        path = os.path.join(out_dir, lang + '.forms.tsv.br')
        with open(path + '.tmp', 'wb') as f:
            f.write(blob)
        os.replace(path + '.tmp', path)
        report[lang] = {'keys': n, 'keys_before_cap': len(rows[lang]), 'bytes': len(blob)}
        log('forms %s: %d keys (of %d), %.2f MB' % (lang, n, len(rows[lang]), len(blob) / 1e6))
    return report


def main(argv=None):
    from .build import LANGS, _paths
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--langs', nargs='+', default=LANGS)
    ap.add_argument('--budget-mb', type=float, default=DEFAULT_BUDGET_MB, help='all --langs together')
    ap.add_argument('--recount', action='store_true', help='ignore the cached counts in data/cache/forms')
    args = ap.parse_args(argv)
    repo, shared, data = _paths()
    t0 = time.time()

    def log(msg):
        print('[%5.0fs] %s' % (time.time() - t0, msg), flush=True)

    ctx = {'repo': repo, 'shared': shared, 'data': data, 'strip': _strip_fn(log)}
    report = build(ctx, args.langs, int(args.budget_mb * 1e6), args.recount, log)
    total = sum(r['bytes'] for r in report.values())
    log('total %.2f MB for %d languages' % (total / 1e6, len(report)))


if __name__ == '__main__':
    sys.exit(main())
