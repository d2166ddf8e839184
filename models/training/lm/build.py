"""Word trigram language models models/lm/<lang>.lm.br (read by electron/engine/lm/ngram-model.ts).

    /usr/bin/python3 -m models.training.lm.build [--langs lt cs ...] [--out models/lm]

Per language, one at a time:
- text: data/corpus/<lang>.train.txt (never the dev split, never ../shared/benchmarks) and every
  ../shared/corpus-more/<lang>.*.txt.xz except `.unclear` ones; statutes (`.laws.`) are one register, so their
  lines are drawn in a fixed-seed order until they hold at most as many words as the rest of the language's text
  (LAWS_RATIOS times as many for lt and ro, whose other text is small);
- sentences: each line split at sentence ends (models/training/corpus/text.py), words = letter runs lowercased
  with the language's rule, NFC (query.tokens); <s> ... </s> around each sentence;
- vocabulary: words seen at least --min-unigram times; the others become <unk> (so <unk> has real counts and
  contexts; the header's unkTypes says how many word types share it);
- interpolated modified Kneser-Ney (ngram.py), then count pruning: trigrams seen fewer than t3 times and bigrams
  seen fewer than t2 = max(--min-count, ceil(t3 / 2)) times are dropped, t3 rising from --min-count (default 1:
  nothing dropped while the file fits; lt dev perplexity 314 keeping singletons against 411 without them) until
  the file is at most --max-mb (default MAX_MB, else 8); the backoff weights are renormalised for what is kept;
- with --suffix, the suffix-class model <lang>.sfx.br instead (SUFFIX_LETTERS[_BY_LANG], WHOLE_WORDS; statistics in
  <out>/suffix-lms.json): the same steps over the words' classes;
- the file (lmfile.py) and its statistics in <out>/lms.json, with the dev perplexity of the stored (quantized)
  model on data/corpus/<lang>.dev.txt by the engine's query rule (query.py), of the same model unquantized, and
  of the unpruned model.
"""
import argparse
import json
import lzma
import math
import os
import random
import sys
import time
import unicodedata
from array import array
from collections import Counter

from ..corpus.text import normalize
from ..languages import LANGUAGES
from ..stats_file import read_stats, write_stats
from . import lmfile
from .ngram import BOS, EOS, UNK, Counts, Estimate, Pruned, fnv1a32, log10_or_floor, ngram_key
from .query import perplexity, sentences, tokens

LANGS = list(LANGUAGES)  # models/languages.json
LAWS_SEED = 11
# Languages whose everyday text is small (lt 0.25 M tokens, ro 0.29 M) get more statute text: 10 times the rest
# measured better on dev than 1 time (lt stripped 96.36 -> 96.42, typos 89.09 -> 89.30; ro 97.99 -> 98.05,
# 91.42 -> 91.74; damage lower in both; bench/lexicon-decoding/REPORT.md).
LAWS_RATIOS = {'lt': 10.0, 'ro': 10.0}
# Largest file in MB where 8 prunes too hard: vi's 11.6 M tokens fit in 8 MB only without the bigrams and trigrams
# seen once or twice (dev perplexity 88.5); 10 MB keeps its bigram singletons (perplexity 82) and restores more words
# (dev stripped / typos / clean 96.66 / 92.88 / 99.77 -> 96.98 / 93.16 / 99.80), and 20 MB keeps every n-gram (18.3 MB,
# perplexity 77.8; since the byte model left stripped Vietnamese, 97.05 / 93.85 / 99.82 -> 97.10 / 94.09 / 99.82;
# bench/lexicon-decoding/REPORT.md).
MAX_MB = {'vi': 20.0}
DEFAULT_MAX_MB = 8.0
# Suffix-class models <lang>.sfx.br (--suffix): every word but the language's most frequent WHOLE_WORDS becomes its
# last SUFFIX_LETTERS letters, so the trigram sees endings in sequence ("nové auto", "nová kniha": agreement) with
# counts that a word trigram over a million tokens never has. The engine adds it to the word LM in the lattice.
# Three letters measured best in cs (bench/lexicon-decoding/REPORT.md); two better in pl lv es hr sk lt tr.
SUFFIX_LETTERS = 3
SUFFIX_LETTERS_BY_LANG = {'pl': 2, 'lv': 2, 'es': 2, 'hr': 2, 'sk': 2, 'lt': 2, 'tr': 2}
WHOLE_WORDS = 300
# Ending-class models <lang>.end.br (--suffix --endings): the same, with each word's ending as its class (its last
# vowel run and the consonants after it, at most ENDING_LETTERS letters: "testů" -> "-ů", "nemovitých" -> "-ých"),
# whose counts the stem letters of the suffix classes do not split.
ENDING_LETTERS = 3
SUFFIX_MAX_MB = 2.0
THRESHOLDS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 40, 48, 64, 96, 128, 192, 256]

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
SHARED = os.path.abspath(os.path.join(REPO, '..', 'shared'))
T0 = time.time()


def log(msg):
    print('[%7.1fs] %s' % (time.time() - T0, msg), file=sys.stderr, flush=True)


class Text:
    """A language's training sentences as word ids in one flat array (ids into self.words)."""

    def __init__(self, lang):
        self.lang = lang
        self.ids = {}
        self.words = []
        self.flat = array('i')
        self.ends = array('l')
        self.sources = []

    def add_lines(self, lines, name, budget=None) -> dict:
        """Adds the sentences of `lines` (until `budget` words, if given); returns the source's statistics."""
        n_words = n_sent = n_lines = 0
        ids, words, flat, ends = self.ids, self.words, self.flat, self.ends
        for line in lines:
            sent = [tokens(s, self.lang) for s in sentences(normalize(line))]
            size = sum(len(s) for s in sent)
            if budget is not None and n_words + size > budget:
                break
            n_lines += 1
            for s in sent:
                if not s:
                    continue
                for w in s:
                    i = ids.get(w)
                    if i is None:
                        i = ids[w] = len(words)
                        words.append(w)
                    flat.append(i)
                ends.append(len(flat))
                n_sent += 1
                n_words += len(s)
        info = {'name': name, 'lines': n_lines, 'sentences': n_sent, 'tokens': n_words}
        self.sources.append(info)
        return info

    def sentences(self):
        start = 0
        flat = self.flat
        for end in self.ends:
            yield flat[start:end]
            start = end


def read_text(lang: str, data: str, more: str, laws_ratio: float = 1.0) -> Text:
    text = Text(lang)
    train = os.path.join(data, 'corpus', lang + '.train.txt')
    if not os.path.exists(train):
        raise SystemExit('%s: no %s (run the corpus builder first)' % (lang, train))
    with open(train, encoding='utf-8') as f:
        log('%s: %s' % (lang, text.add_lines(f, 'corpus/' + lang + '.train.txt')))
    names = sorted(n for n in (os.listdir(more) if os.path.isdir(more) else [])
                   if n.startswith(lang + '.') and n.endswith('.txt.xz') and '.unclear.' not in n)
    for name in [n for n in names if '.laws.' not in n] + [n for n in names if '.laws.' in n]:
        with lzma.open(os.path.join(more, name), 'rt', encoding='utf-8') as f:
            if '.laws.' not in name:
                log('%s: %s' % (lang, text.add_lines(f, 'corpus-more/' + name)))
                continue
            rest = sum(s['tokens'] for s in text.sources if 'laws' not in s['name'])
            lines = f.readlines()
        random.Random(LAWS_SEED).shuffle(lines)
        info = text.add_lines(lines, 'corpus-more/' + name, budget=round(rest * laws_ratio))
        info['available_lines'] = len(lines)
        log('%s: %s' % (lang, info))
    return text


def is_vowel(letter: str) -> bool:
    """A vowel letter with or without its diacritics (Turkish dotless i too): isVowel in ngram-model.ts."""
    return unicodedata.normalize('NFD', letter)[0] in 'aeiouyAEIOUY' or letter in 'ıİ'


def ending(word: str, letters: int) -> str:
    """The word's inflectional ending as letters show it: its last vowel run and the consonants after it ("testů" ->
    "ů", "nemovitých" -> "ých", "vlak" -> "ak"), at most its last `letters` letters (wordEnding in ngram-model.ts)."""
    i = len(word)
    while i > 0 and not is_vowel(word[i - 1]):
        i -= 1
    while i > 0 and is_vowel(word[i - 1]):
        i -= 1
    return word[max(i, len(word) - letters, 0):]


def suffix_class(word: str, whole, letters: int, endings: bool = False) -> str:
    """A word's token in a suffix-class model: itself if it is one of `whole`, else '-' + its last letters, or with
    `endings` its ending (SuffixClassModel.classHash in electron/engine/lm/ngram-model.ts; tokens are letter runs, so
    '-' marks a class)."""
    if word in whole:
        return word
    return '-' + (ending(word, letters) if endings else word[-letters:])


def to_suffix_classes(text: Text, letters: int, whole_words: int, endings: bool = False) -> list:
    """Rewrites `text` in place into suffix classes; returns the words kept whole, most frequent first."""
    c = Counter(text.flat)
    whole = [text.words[i] for i, _ in sorted(c.items(), key=lambda x: (-x[1], text.words[x[0]]))[:whole_words]]
    kept = set(whole)
    classes = [suffix_class(w, kept, letters, endings) for w in text.words]
    text.words = sorted(set(classes))
    text.ids = {w: i for i, w in enumerate(text.words)}
    remap = [text.ids[cl] for cl in classes]
    text.flat = array('i', (remap[i] for i in text.flat))
    return whole


def count(text: Text, min_unigram: int):
    """(Counts over the final vocabulary, words by id, number of word types mapped to <unk>)."""
    c = Counter(text.flat)
    keep = sorted((i for i, n in c.items() if n >= min_unigram), key=lambda i: (-c[i], text.words[i]))
    words = [BOS, EOS, UNK] + [text.words[i] for i in keep]
    remap = [2] * len(text.words)
    for new, old in enumerate(keep, start=3):
        remap[old] = new
    counts = Counts(len(words))
    for s in text.sentences():
        counts.add([remap[i] for i in s])
    return counts, words, len(text.words) - len(keep)


def thresholds(min_count: int):
    """(t2, t3) pairs from the most to the least kept."""
    for t3 in [t for t in THRESHOLDS if t >= min_count]:
        yield max(min_count, math.ceil(t3 / 2)), t3


def raw_size(counts: Counts, t2: int, t3: int) -> int:
    """Bytes of the file before brotli (without the header) for these thresholds."""
    n2 = sum(1 for c in counts.c2.values() if c >= t2)
    n3 = sum(1 for c in counts.c3.values() if c >= t3)
    return 6 * counts.V + 6 * n2 + 5 * n3


def _arrays(entries):
    """entries: (key, -count, logp q, backoff q). Sorted by key; of colliding keys the most frequent n-gram stays."""
    entries.sort()
    keys, logp, backoff = [], bytearray(), bytearray()
    last = -1
    for key, _, lp, bo in entries:
        if key == last:
            continue
        last = key
        keys.append(key)
        logp.append(lp)
        backoff.append(bo)
    return keys, logp, backoff, len(entries) - len(keys)


def encode(pr: Pruned, counts: Counts, words, header: dict):
    """(file bytes before brotli, hash collisions dropped per order)."""
    V = pr.V
    H = [fnv1a32(w) for w in words]
    q = lmfile.quantize
    e1 = [(ngram_key([H[i]]), -counts.c1[i if i else 1], lmfile.QMAX if i == 0 else
           q(log10_or_floor(pr.p1[i])), q(math.log10(min(1.0, pr.b1[i])))) for i in range(V)]
    e2 = []
    for k, p in pr.p2.items():
        v, w = divmod(k, V)
        e2.append((ngram_key([H[v], H[w]]), -counts.c2[k], q(math.log10(p)), q(math.log10(min(1.0, pr.b2[k])))))
    e3 = []
    for k, p in pr.p3.items():
        ctx, w = divmod(k, V)
        u, v = divmod(ctx, V)
        e3.append((ngram_key([H[u], H[v], H[w]]), -counts.c3[k], q(math.log10(p)), 0))
    orders, dropped = [], []
    for n, entries in enumerate((e1, e2, e3), start=1):
        keys, logp, backoff, lost = _arrays(entries)
        orders.append((keys, logp, backoff if n < 3 else None))
        dropped.append(lost)
    return lmfile.pack(header, orders), dropped


def unpruned_prob(est: Estimate, u: int, v: int, w: int) -> float:
    """P(w | u v) of the unpruned interpolated model (for the dev report only)."""
    V = est.V
    k3 = (u * V + v) * V + w
    if est.counts.c3.get(k3):
        return est.p3(k3)
    p2 = est.p2.get(v * V + w)
    if p2 is None:
        p2 = est.g2.get(v, 1.0) * est.p1[w]
    return est.g3.get(u * V + v, 1.0) * p2


def id_scorer(prob, words):
    ids = {w: i for i, w in enumerate(words)}

    def score(toks):
        u, v, total = 0, 0, 0.0
        for w in [ids.get(t, 2) for t in toks] + [1]:
            total += math.log(prob(u, v, w))
            u, v = v, w
        return total
    return score


def build_language(lang: str, out_dir: str, data: str, more: str, min_unigram: int, min_count: int,
                   max_bytes: int, laws_ratio: float = 1.0, suffix: int = 0, whole_words: int = WHOLE_WORDS,
                   endings: bool = False) -> dict:
    """The word model <lang>.lm.br, or with `suffix` (letters) the suffix-class model <lang>.sfx.br, or with `suffix`
    and `endings` the ending-class model <lang>.end.br."""
    t0 = time.time()
    text = read_text(lang, data, more, laws_ratio)
    classes, kept = None, set()
    if suffix:
        whole = to_suffix_classes(text, suffix, whole_words, endings)
        classes = {'suffixLetters': suffix, 'wholeWords': len(whole), **({'endings': True} if endings else {})}
        kept = set(whole)
    counts, words, unk_types = count(text, min_unigram)
    n_tokens = len(text.flat)
    sources = text.sources
    del text
    log('%s: %d tokens, vocabulary %d (+ %d types as <unk>), %d bigrams, %d trigrams' % (
        lang, n_tokens, counts.V, unk_types, len(counts.c2), len(counts.c3)))
    est = Estimate(counts)
    log('%s: estimated; discounts %s' % (lang, est.d))
    path = os.path.join(out_dir, lang + ('.end.br' if endings else '.sfx.br' if suffix else '.lm.br'))
    # Brotli shrinks the file to about 0.6-0.8 of its raw size (less when keys are dense); thresholds whose
    # estimate is clearly over the budget are skipped, the others are built and measured.
    ratio = 0.6
    packed = None
    for t2, t3 in thresholds(min_count):
        if raw_size(counts, t2, t3) * ratio > max_bytes * 1.05:
            continue
        pr = Pruned(est, t2, t3)
        header = {'lang': lang, 'discounts': [[round(d, 6) for d in ds] for ds in est.d],
                  'quantization': {'log10': '-q/%d' % lmfile.QUANT_STEPS, 'max': lmfile.QMAX},
                  'sources': sources, 'tokens': n_tokens, 'minUnigram': min_unigram, 'unkTypes': unk_types,
                  'thresholds': {'bigram': t2, 'trigram': t3}}
        if classes:
            header['classes'] = classes
        raw, dropped = encode(pr, counts, words, header)
        packed = lmfile.compress(raw)
        ratio = max(ratio, len(packed) / len(raw))
        log('%s: t2 %d t3 %d: %d + %d + %d n-grams, %d bytes raw, %d packed' % (
            lang, t2, t3, counts.V, len(pr.p2), len(pr.p3), len(raw), len(packed)))
        if len(packed) <= max_bytes:
            break
    else:
        raise SystemExit('%s: no threshold brings the model under %d bytes' % (lang, max_bytes))
    with open(path + '.tmp', 'wb') as f:
        f.write(packed)
    os.replace(path + '.tmp', path)
    info = {'lang': lang, 'bytes': len(packed), 'rawBytes': len(raw), 'counts': [counts.V, len(pr.p2), len(pr.p3)],
            'collisionsDropped': dropped, 'backoffsClamped': pr.clamped, 'thresholds': header['thresholds'],
            'tokens': n_tokens, 'vocabulary': counts.V, 'unkTypes': unk_types, 'sources': sources}
    dev = os.path.join(data, 'corpus', lang + '.dev.txt')
    if os.path.exists(dev):
        from .query import StoredModel
        stored = StoredModel(path)
        with open(dev, encoding='utf-8') as f:
            lines = f.readlines()
        def mapped(score):
            return (lambda ws: score([suffix_class(w, kept, suffix, endings) for w in ws])) if suffix else score
        rep = perplexity(mapped(stored.sentence_log_prob), lines, lang)
        rep['perplexityUnquantized'] = perplexity(mapped(id_scorer(pr.prob, words)), lines, lang)['perplexity']
        rep['perplexityUnpruned'] = perplexity(
            mapped(id_scorer(lambda u, v, w: unpruned_prob(est, u, v, w), words)), lines, lang)['perplexity']
        known = set(words)
        dev_words = [suffix_class(w, kept, suffix, endings) if suffix else w
                     for ln in lines for s in sentences(ln.rstrip('\n')) for w in tokens(s, lang)]
        rep['oovRate'] = round(sum(1 for w in dev_words if w not in known) / max(1, len(dev_words)), 4)
        info['dev'] = rep
    info['seconds'] = round(time.time() - t0, 1)
    log('%s: %s' % (lang, json.dumps({k: v for k, v in info.items() if k != 'sources'})))
    return info


def build_all(langs, out_dir, data, more, min_unigram, min_count, max_mb=None, laws_ratio=None, suffix=False,
              whole_words=WHOLE_WORDS, suffix_letters=None, endings=False):
    os.makedirs(out_dir, exist_ok=True)
    suffix = suffix or endings  # an ending-class model is a class model with other classes
    stats_path = os.path.join(out_dir, 'ending-lms.json' if endings else 'suffix-lms.json' if suffix else 'lms.json')
    stats = read_stats(stats_path)
    for lang in langs:
        ratio = laws_ratio if laws_ratio is not None else LAWS_RATIOS.get(lang, 1.0)
        default_mb = SUFFIX_MAX_MB if suffix else MAX_MB.get(lang, DEFAULT_MAX_MB)
        max_bytes = int((max_mb if max_mb is not None else default_mb) * 1e6)
        letters = (suffix_letters or (ENDING_LETTERS if endings else SUFFIX_LETTERS_BY_LANG.get(lang, SUFFIX_LETTERS))
                   if suffix else 0)
        stats[lang] = build_language(lang, out_dir, data, more, min_unigram, min_count, max_bytes, ratio, letters,
                                     whole_words, endings)
        write_stats(stats_path, stats)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--langs', nargs='+', default=LANGS)
    ap.add_argument('--out', default=os.path.join(REPO, 'models', 'lm'))
    ap.add_argument('--data', default=os.path.join(REPO, 'data'), help='holds corpus/<lang>.{train,dev}.txt')
    ap.add_argument('--more', default=os.path.join(SHARED, 'corpus-more'), help='corpus-more folder')
    ap.add_argument('--min-unigram', type=int, default=2, help='words seen fewer times become <unk>')
    ap.add_argument('--min-count', type=int, default=1,
                    help='smallest count of a kept bigram or trigram (pruning raises it only to fit --max-mb)')
    ap.add_argument('--max-mb', type=float, default=None,
                    help='largest file per language (MB = 10^6 bytes; default: MAX_MB, else 8)')
    ap.add_argument('--laws-ratio', type=float, default=None,
                    help='statute tokens at most this many times the rest of the text (default: LAWS_RATIOS, else 1)')
    ap.add_argument('--suffix', action='store_true', help='build the suffix-class models <lang>.sfx.br instead')
    ap.add_argument('--suffix-letters', type=int, default=None,
                    help='with --suffix: letters per class (default: SUFFIX_LETTERS_BY_LANG, else %d)' % SUFFIX_LETTERS)
    ap.add_argument('--endings', action='store_true',
                    help='build the ending-class models <lang>.end.br instead (classes: word endings, ENDING_LETTERS)')
    ap.add_argument('--whole-words', type=int, default=WHOLE_WORDS,
                    help='with --suffix: how many of the most frequent words stay whole (default %d)' % WHOLE_WORDS)
    args = ap.parse_args()
    build_all(args.langs, args.out, args.data, args.more, args.min_unigram, args.min_count,
              args.max_mb, args.laws_ratio, args.suffix, args.whole_words, args.suffix_letters, args.endings)


if __name__ == '__main__':
    main()
