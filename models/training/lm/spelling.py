"""Letter n-gram models of how a language's words are spelled: models/lm/<lang>.spell.br (read by
electron/engine/lm/spelling-model.ts).

    /usr/bin/python3 -m models.training.lm.spelling [--langs hu tr ...] [--out models/lm] [--spelled]
    /usr/bin/python3 -m models.training.lm.spelling --query models/lm/hu.spell.br < keys.txt
the second prints {"key": ..., "logProb": natural log} per line, exactly as the engine computes it (the parity check
of test/unit/engine/lm/spelling-model.test.ts).

Why: an unknown word may be a typo of a known word a few edits away or a real word the lexicon lacks (a rare
Hungarian inflection, a Turkish derivation). The word LM cannot tell: every unknown word is the same <unk> to it.
How word-like the letters are can: a typo puts a letter where the language rarely has one ("elmerese" for
"felmerese"), a missing real word reads like its neighbours. On dev (1000 sentences), the letter model's log-
probability of the word against that of its likeliest typo fix told real unknown words from typo'd known words
with AUC 0.92 (hu), 0.97 (tr), 0.95 (lt), against 0.90 / 0.92 / 0.83 for the fix's frequency and cost.

`--spelled` builds the same model over the words as written (lowercase, diacritics kept), models/lm/<lang>.spelled.br:
which diacritics an unknown word's ending takes ("Parryova" -> "Parryová"; electron/engine/lm/ending-spellings.ts).

Per language:
- types: the distinct words (letter runs, query.tokens) of data/corpus/<lang>.train.txt and <lang>.more.txt (never
  dev, never ../shared/benchmarks), as lexicon keys (lowercase, diacritics stripped: the form typo candidates are
  found by); each type counts once, so rare words, the kind that are missing from lexicons, weigh like frequent
  ones;
- interpolated Witten-Bell letter ORDER-grams over BOS + key + EOS, stored ARPA-style in the OGLM container of the
  word LM (lmfile.py, ORDER orders): an n-gram's key is the word LM's unigram key of the n letters as one string
  (ngram_key([fnv1a32(letters)])); log10 quantized to 1/20; a context's backoff weight beside its n-gram; letters
  never seen get the header's `unknownLog10`.
"""
import argparse
import json
import math
import os
import sys
import time
from bisect import bisect_left
from collections import Counter, defaultdict

from ..corpus.text import normalize
from ..languages import LANGUAGES
from ..lexicon.build import lower
from ..noise import strip_diacritics
from ..stats_file import read_stats, write_stats
from . import lmfile
from .ngram import fnv1a32, ngram_key
from .query import sentences, tokens

ORDER = 5
BOS = '\x02'
EOS = '\x03'
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
T0 = time.time()


def log(msg):
    print('[%7.1fs] %s' % (time.time() - T0, msg), file=sys.stderr, flush=True)


def spelling_key(word: str, lang: str) -> str:
    """The lexicon key of a word (lexiconKey in TypeScript): lowercase, diacritics stripped, lowercase again."""
    return lower(strip_diacritics(lower(word, lang), lang), lang)


def letter_key(letters: str) -> int:
    return ngram_key([fnv1a32(letters)])


def read_types(lang: str, data: str, spelled: bool = False) -> set:
    """The distinct words of the training text as lexicon keys, or (`spelled`) as written: lowercase, diacritics kept."""
    types = set()
    for part in ('train', 'more'):
        path = os.path.join(data, 'corpus', '%s.%s.txt' % (lang, part))
        if not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as f:
            for line in f:
                for s in sentences(normalize(line)):
                    types.update(tokens(s, lang))
    return {lower(w, lang) if spelled else spelling_key(w, lang) for w in types}


def estimate(keys, order: int = ORDER):
    """Per n = 1..order: {n letters: (log10 P(last | the others), log10 backoff of the n letters as a context)}."""
    follow = [defaultdict(Counter) for _ in range(order)]  # [n-1][context of n-1 letters][next letter]
    for key in sorted(keys):  # a fixed order, so that a hash collision (encode) always goes the same way
        s = BOS + key + EOS
        for i in range(1, len(s)):
            for n in range(1, order + 1):
                if i - n + 1 < 0:
                    break
                follow[n - 1][s[i - n + 1:i]][s[i]] += 1
    letters = follow[0]['']
    total = sum(letters.values())
    vocab = len(letters) + 1  # + one for a letter never seen
    prob = [{c: (k + 1) / (total + vocab) for c, k in letters.items()}]
    backoff = [{}]
    for n in range(2, order + 1):
        probs, lower_probs = {}, prob[-1]
        for ctx, nexts in follow[n - 1].items():
            seen, kinds = sum(nexts.values()), len(nexts)
            bow = kinds / (seen + kinds)
            backoff[-1][ctx] = bow
            for c, k in nexts.items():
                lower_p = _backed_off(prob, backoff, ctx[1:], c, 1 / (total + vocab))
                probs[ctx + c] = (k + kinds * lower_p) / (seen + kinds)
        prob.append(probs)
        backoff.append({})
    return prob, backoff, math.log10(1 / (total + vocab))


def _backed_off(prob, backoff, ctx: str, c: str, unknown: float) -> float:
    """P(c | ctx) from the orders up to len(ctx) + 1 (the query rule of the file)."""
    weight = 1.0
    for k in range(len(ctx), -1, -1):
        h = ctx[len(ctx) - k:]
        p = prob[k].get(h + c) if k < len(prob) else None
        if p is not None:
            return weight * p
        weight *= backoff[k - 1].get(h, 1.0) if k > 0 else 1.0
    return weight * unknown


def encode(prob, backoff, header: dict) -> bytes:
    orders = []
    for n, table in enumerate(prob, start=1):
        rows = {}
        for letters, p in table.items():
            key = letter_key(letters)
            if key in rows:  # a hash collision (a few among hu's 234 k 5-grams): the other n-gram reads the first's value
                continue
            bow = backoff[n - 1].get(letters, 1.0) if n < len(prob) else None
            rows[key] = (lmfile.quantize(math.log10(p)), None if bow is None else lmfile.quantize(math.log10(bow)))
        keys = sorted(rows)
        orders.append((keys, [rows[k][0] for k in keys], None if n == len(prob) else [rows[k][1] for k in keys]))
    return lmfile.pack(header, orders)


class StoredSpelling:
    """A stored model queried as electron/engine/lm/spelling-model.ts does: same keys, quantized values and arithmetic."""

    def __init__(self, path: str):
        with open(path, 'rb') as f:
            self.header, self.orders = lmfile.unpack(lmfile.decompress(f.read()))
        self.unknown = self.header['unknownLog10']

    def _find(self, n: int, key: int) -> int:
        keys = self.orders[n - 1][0]
        i = bisect_left(keys, key)
        return i if i < len(keys) and keys[i] == key else -1

    def _letter_log10(self, ctx: str, c: str) -> float:
        weight = 0.0
        for k in range(len(ctx), -1, -1):
            h = ctx[len(ctx) - k:]
            i = self._find(k + 1, letter_key(h + c))
            if i >= 0:
                return weight - self.orders[k][1][i] / lmfile.QUANT_STEPS
            if k > 0:
                j = self._find(k, letter_key(h))
                if j >= 0:
                    weight -= self.orders[k - 1][2][j] / lmfile.QUANT_STEPS
        return weight + self.unknown

    def log_prob(self, key: str) -> float:
        """ln P of a lexicon key as a whole word, its boundaries included."""
        s = BOS + key + EOS
        total = 0.0
        for i in range(1, len(s)):
            total += self._letter_log10(s[max(0, i - ORDER + 1):i], s[i])
        return total * math.log(10)


def build_language(lang: str, out_dir: str, data: str, spelled: bool = False):
    """Builds the model of `lang` (`spelled`: of its words as written); None (and a log line) where the corpus has no
    text for it."""
    t0 = time.time()
    keys = read_types(lang, data, spelled)
    if not keys:
        log('%s: skipped, no words in %s/corpus (the corpus builder writes them; without a model, unknown words keep '
            'typoInputShare)' % (lang, data))
        return None
    prob, backoff, unknown = estimate(keys)
    header = {'lang': lang, 'kind': 'spelled' if spelled else 'spelling', 'types': len(keys), 'unknownLog10': round(unknown, 4),
              'quantization': {'log10': '-q/%d' % lmfile.QUANT_STEPS, 'max': lmfile.QMAX},
              'text': ['corpus/%s.train.txt' % lang, 'corpus/%s.more.txt' % lang]}
    packed = lmfile.compress(encode(prob, backoff, header))
    path = os.path.join(out_dir, lang + ('.spelled.br' if spelled else '.spell.br'))
    with open(path + '.tmp', 'wb') as f:
        f.write(packed)
    os.replace(path + '.tmp', path)
    info = {'lang': lang, 'bytes': len(packed), 'types': len(keys), 'counts': [len(t) for t in prob],
            'seconds': round(time.time() - t0, 1)}
    log(json.dumps(info))
    return info


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--langs', nargs='+', default=list(LANGUAGES))
    ap.add_argument('--out', default=os.path.join(REPO, 'models', 'lm'))
    ap.add_argument('--data', default=os.path.join(REPO, 'data'), help='holds corpus/<lang>.{train,more}.txt')
    ap.add_argument('--spelled', action='store_true',
                    help='model the words as written (lowercase, diacritics kept): models/lm/<lang>.spelled.br')
    ap.add_argument('--query', metavar='FILE', help='score the keys on stdin (one per line) with a stored model')
    args = ap.parse_args()
    if args.query:
        model = StoredSpelling(args.query)
        for line in sys.stdin:
            key = line.rstrip('\n')
            print(json.dumps({'key': key, 'logProb': model.log_prob(key)}, ensure_ascii=False))
        return
    os.makedirs(args.out, exist_ok=True)
    stats_path = os.path.join(args.out, 'spelled.json' if args.spelled else 'spelling.json')
    stats = read_stats(stats_path)
    for lang in args.langs:
        info = build_language(lang, args.out, args.data, args.spelled)
        if info:
            stats[lang] = info
            write_stats(stats_path, stats)


if __name__ == '__main__':
    main()
