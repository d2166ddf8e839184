"""Build data/corpus/<lang>.{train,dev}.txt, data/words/<lang>.txt and then the complete lexicons
models/lexicon/<lang>.lex.br (models/training/lexicon/build.py), so one command rebuilds everything.

    /usr/bin/python3 -m models.training.corpus.build [--langs lt cs ...] [--skip-debian] [--no-lexicon]

Resumable: downloads, extracted packages, unmunch output and cleaned per-source text are cached under data/.
Outputs are written to data/.tmp-* first and moved into place with os.replace, so readers never see half files.
"""
import argparse
import json
import os
import random
import sys
import time

from . import sources as S
from ..languages import LANGUAGES
from .benchmarks import is_benchmark, load_keys
from .manifest import source_stats, write_corpus_md
from .words import build_word_list, corpus_word_counts, hunspell_forms, read_wordfreq

LANGS = list(LANGUAGES)  # models/languages.json
TRAIN_CAP_BYTES = 40_000_000
# Vietnamese is written in syllables that the word LM must choose among (without it 72 % of dev words, with it 97 %),
# and its LM gained from all of viwiki (dev stripped / typos / clean 96.65 / 92.76 / 99.67 -> 96.98 / 93.16 / 99.80,
# bench/lexicon-decoding/REPORT.md); fr's did not earn a larger file (at 8 MB it prunes harder, at 10-12 MB +0.05).
TRAIN_CAP_BYTES_BY_LANG = {'vi': 100_000_000}
DEV_FULL = 1000
DEV_SMALL_SHARE = 0.05


def _paths():
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
    shared = os.path.abspath(os.path.join(repo, '..', 'shared'))
    return repo, shared, os.path.join(repo, 'data')


def _write_atomic(path: str, lines) -> int:
    tmp = os.path.join(os.path.dirname(path), '.tmp-' + os.path.basename(path))
    n = 0
    with open(tmp, 'w', encoding='utf-8') as f:
        for line in lines:
            f.write(line + '\n')
            n += len(line.encode('utf-8')) + 1
    os.replace(tmp, path)
    return n


def build_language(lang, ctx, log):
    """Collect, dedupe, filter, split and write one language; returns its manifest entry."""
    t0 = time.time()
    seen = set()
    kept = []  # (source, sentence)
    per_source = []
    for src in S.sources_for(lang, ctx):
        n_in = dup = bench = 0
        mine = []
        for s in src.cleaned(ctx):
            n_in += 1
            if s in seen:
                dup += 1
                continue
            if is_benchmark(s, ctx['bench_exact'], ctx['bench_loose']):
                bench += 1
                continue
            seen.add(s)
            mine.append(s)
        per_source.append({'source': src.name, 'licence': src.licence, 'kind': src.kind, 'cleaned': n_in,
                           'duplicates': dup, 'benchmark_removed': bench, 'max_share': src.max_share,
                           'sentences': mine})
        log('  %s %s: %d lines, %d dup, %d benchmark' % (lang, src.name, len(mine), dup, bench))
    seen = None

    # Dev comes from natural prose only, chosen by a fixed seed, so adding Debian sources leaves it unchanged.
    prose = [s for ps in per_source if ps['kind'] == 'prose' for s in ps['sentences']]
    if not prose and per_source:
        prose = list(per_source[0]['sentences'])
    rng = random.Random('dev-' + lang)
    pool = sorted(prose)
    rng.shuffle(pool)
    n_dev = DEV_FULL if len(pool) * DEV_SMALL_SHARE >= DEV_FULL else max(1, round(len(pool) * DEV_SMALL_SHARE))
    dev = pool[:n_dev] if pool else []
    dev_set = set(dev)

    # Train: a capped source (terse UI strings) keeps at most max_share x the uncapped sources' sentences; then the
    # whole language is cut at its cap (TRAIN_CAP_BYTES_BY_LANG, else TRAIN_CAP_BYTES) by a seeded random choice.
    train_rng = random.Random('train-' + lang)
    chosen = []
    base = sum(len(ps['sentences']) for ps in per_source if ps['max_share'] is None)
    for ps in per_source:
        cand = [s for s in ps['sentences'] if s not in dev_set]
        if ps['max_share'] is not None:
            limit = int(ps['max_share'] * max(base, 1))
            if len(cand) > limit:
                train_rng.shuffle(cand)
                cand = cand[:limit]
        chosen += [(ps['source'], s) for s in cand]
    train_rng.shuffle(chosen)
    train, size = [], 0
    cap = TRAIN_CAP_BYTES_BY_LANG.get(lang, TRAIN_CAP_BYTES)
    for src, s in chosen:
        b = len(s.encode('utf-8')) + 1
        if size + b > cap:
            continue
        size += b
        train.append((src, s))

    out_dir = os.path.join(ctx['data'], 'corpus')
    os.makedirs(out_dir, exist_ok=True)
    train_bytes = _write_atomic(os.path.join(out_dir, lang + '.train.txt'), (s for _, s in train))
    dev_bytes = _write_atomic(os.path.join(out_dir, lang + '.dev.txt'), dev)

    by_src = {}
    for src, s in train:
        by_src.setdefault(src, []).append(s)
    entry = {'lang': lang, 'train_sentences': len(train), 'train_bytes': train_bytes, 'dev_sentences': len(dev),
             'dev_bytes': dev_bytes, 'sources': []}
    for ps in per_source:
        st = source_stats(by_src.get(ps['source'], []))
        entry['sources'].append({k: ps[k] for k in ('source', 'licence', 'kind', 'cleaned', 'duplicates',
                                                    'benchmark_removed')} | {'unique': len(ps['sentences'])} | st)

    counts = corpus_word_counts(s for _, s in train)
    forms = hunspell_forms(ctx['repo'], lang, os.path.join(ctx['data'], 'cache', 'unmunch'))
    wf = read_wordfreq(ctx['shared'], lang)
    words = build_word_list(wf, counts, forms)
    wdir = os.path.join(ctx['data'], 'words')
    os.makedirs(wdir, exist_ok=True)
    _write_atomic(os.path.join(wdir, lang + '.txt'), words)
    entry['words'] = len(words)
    entry['word_sources'] = {'wordfreq': len(wf), 'corpus_types': len(counts), 'hunspell_forms': len(forms)}
    entry['more'] = build_more(lang, ctx, dev_set | {s for _, s in train}, log)
    entry['seconds'] = round(time.time() - t0, 1)
    log('%s: train %d sentences %.1f MB, dev %d, words %d (%.0fs)' % (
        lang, len(train), train_bytes / 1e6, len(dev), len(words), entry['seconds']))
    return entry


def build_more(lang, ctx, taken, log):
    """Write ../shared/corpus-more's text for the model: data/corpus/<lang>.more.txt (fiction, technical) and
    <lang>.laws.txt (statutes, one register: the model's sampler caps their share), cleaned like every source,
    benchmark lines and lines already in train or dev dropped. The lexicon and LM builders read corpus-more
    themselves (with their own weighting), so it is not mixed into the train split."""
    out_dir = os.path.join(ctx['data'], 'corpus')
    stats = {}
    for kind, sources in (('more', S.corpus_more_sources(lang, ctx, laws=False)),
                          ('laws', S.corpus_more_sources(lang, ctx, laws=True))):
        lines, seen = [], set(taken)
        for src in sources:
            for s in src.cleaned(ctx):
                if s in seen or is_benchmark(s, ctx['bench_exact'], ctx['bench_loose']):
                    continue
                seen.add(s)
                lines.append(s)
        random.Random(kind + '-' + lang).shuffle(lines)
        path = os.path.join(out_dir, '%s.%s.txt' % (lang, kind))
        stats[kind + '_sentences'] = len(lines)
        stats[kind + '_bytes'] = _write_atomic(path, lines) if lines else 0
        if not lines and os.path.exists(path):
            os.remove(path)
    log('  %s corpus-more: %s' % (lang, stats))
    return stats


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--langs', nargs='+', default=LANGS)
    ap.add_argument('--skip-debian', action='store_true', help='corpus-extra (and local fallbacks) only')
    ap.add_argument('--no-lexicon', action='store_true', help='do not rebuild models/lexicon/<lang>.lex.br')
    ap.add_argument('--lexicon-only', action='store_true', help='only rebuild the lexicons from data/corpus')
    args = ap.parse_args(argv)
    repo, shared, data = _paths()
    t0 = time.time()

    def log(msg):
        print('[%5.0fs] %s' % (time.time() - t0, msg), flush=True)

    exact, loose = load_keys(shared)
    ctx = {'repo': repo, 'shared': shared, 'data': data, 'debian': not args.skip_debian,
           'bench_exact': exact, 'bench_loose': loose, 'log': log}
    log('benchmark keys: %d exact, %d loose' % (len(exact), len(loose)))
    if ctx['debian'] and not args.lexicon_only:
        S.prepare_debian(ctx, args.langs)

    man_path = os.path.join(data, 'corpus', 'manifest.json')
    manifest = {}
    if os.path.exists(man_path):
        with open(man_path, encoding='utf-8') as f:
            manifest = json.load(f)
    for lang in ([] if args.lexicon_only else args.langs):
        manifest[lang] = build_language(lang, ctx, log)
        os.makedirs(os.path.dirname(man_path), exist_ok=True)
        tmp = man_path + '.tmp'
        with open(tmp, 'w', encoding='utf-8') as f:
            json.dump(manifest, f, ensure_ascii=False, indent=1)
        os.replace(tmp, man_path)
    if not args.no_lexicon:
        from ..lexicon.build import build_all
        build_all(args.langs, os.path.join(repo, 'models', 'lexicon'), data)
    if not args.lexicon_only:
        write_corpus_md(repo, manifest, {'debian': ctx['debian'], 'seconds': round(time.time() - t0)})
    log('done')


if __name__ == '__main__':
    sys.exit(main())
