"""Does a 4-gram beat the trigram at restoring diacritics? An experiment outside the engine (REPORT.md, session 28):
  python3 bench/lexicon-decoding/ngram-order.py vi
The same interpolated Kneser-Ney estimator (one discount per order) at orders 3 and 4 over the LM's training text
(models/training/lm/build.py read_text), a beam of 64 over the same candidates (every vocabulary word seen twice
or more with the stripped word's key), scored on the first 300 lines of data/corpus/<lang>.dev.txt. Needs a few GB.
"""
import sys, os, math, time, unicodedata, collections
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
from models.training.lm.build import read_text
from models.training.lm.query import tokens, sentences
lang = sys.argv[1] if len(sys.argv) > 1 else 'vi'
N = 4
t0 = time.time()
text = read_text(lang, os.path.join(ROOT, 'data'), os.path.join(ROOT, '..', 'shared', 'corpus-more'))
words = text.words
print('tokens', len(text.flat), 'types', len(words), time.time() - t0, flush=True)
BOS = len(words); EOS = BOS + 1
counts = [None] + [collections.Counter() for _ in range(N)]  # raw counts per order (order k: tuples of k)
for s in text.sentences():
    seq = [BOS] * (N - 1) + list(s) + [EOS]
    for k in range(1, N + 1):
        c = counts[k]
        for i in range(N - 1, len(seq)):
            if i - k + 1 < 0: continue
            g = tuple(seq[i - k + 1:i + 1])
            c[g] += 1
print('counted', [len(c) for c in counts[1:]], time.time() - t0, flush=True)

class KN:
    def __init__(self, order):
        self.n = order
        # continuation counts for lower orders
        self.c = {order: counts[order]}
        for k in range(1, order):
            cont = collections.Counter()
            for g in counts[k + 1]:
                cont[g[1:]] += 1
            self.c[k] = cont
        self.ctxsum = {}; self.ctxtypes = {}; self.D = {}
        for k in range(1, order + 1):
            cs = collections.Counter(); ct = collections.Counter()
            n1 = n2 = 0
            for g, v in self.c[k].items():
                cs[g[:-1]] += v; ct[g[:-1]] += 1
                if v == 1: n1 += 1
                elif v == 2: n2 += 1
            self.ctxsum[k] = cs; self.ctxtypes[k] = ct
            self.D[k] = n1 / (n1 + 2 * n2)
        self.V = len(words) + 2
        self.cache = {}
    def p(self, h, w):
        key = (h, w)
        r = self.cache.get(key)
        if r is not None: return r
        k = len(h) + 1
        if k == 1:
            r = (max(self.c[1].get((w,), 0) - self.D[1], 0) + self.D[1] * self.ctxtypes[1][()] / self.V) / self.ctxsum[1][()]
        else:
            tot = self.ctxsum[k].get(h, 0)
            lower = self.p(h[1:], w)
            if tot == 0:
                r = lower
            else:
                D = self.D[k]
                r = (max(self.c[k].get(h + (w,), 0) - D, 0) + D * self.ctxtypes[k][h] * lower) / tot
        if len(self.cache) > 5_000_000: self.cache.clear()
        self.cache[key] = r
        return r
    def lp(self, hist, w):
        return math.log(self.p(tuple(hist[-(self.n - 1):]), w))

def strip(w):
    if lang == 'vi':
        w = w.replace('đ', 'd')
    return ''.join(ch for ch in unicodedata.normalize('NFD', w) if not unicodedata.combining(ch))
bykey = collections.defaultdict(list)
for i, w in enumerate(words):
    if counts[1][(i,)] >= 2:
        bykey[strip(w)].append(i)
ids = {w: i for i, w in enumerate(words)}

dev = [l for l in open(os.path.join(ROOT, 'data', 'corpus', '%s.dev.txt' % lang), encoding='utf-8')][:300]
sents = []
for line in dev:
    for s in sentences(line.strip()):
        t = tokens(s, lang)
        if t: sents.append(t)

def decode(model, toks, beam=64):
    hyps = [((BOS,) * (N - 1), 0.0, [])]
    for t in toks:
        cands = bykey.get(strip(t)) or [None]
        new = {}
        for hist, sc, out in hyps:
            for c in cands:
                w = c if c is not None else ids.get(t, -1)
                l = model.lp(hist, w if w >= 0 else -5) if c is not None else 0.0
                nh = hist[1:] + (w,)
                v = sc + l
                st = nh[-(model.n - 1):]
                if st not in new or new[st][1] < v:
                    new[st] = (nh, v, out + [words[c] if c is not None else strip(t)])
        hyps = sorted(new.values(), key=lambda x: -x[1])[:beam]
    best = max(hyps, key=lambda x: x[1] + model.lp(x[0], EOS))
    return best[2]

for order in (3, 4):
    m = KN(order)
    t1 = time.time(); ok = tot = 0
    for toks in sents:
        out = decode(m, toks)
        for g, o in zip(toks, out):
            tot += 1; ok += g == o
    print('order', order, 'D', {k: round(v, 3) for k, v in m.D.items()}, 'acc %.2f' % (100 * ok / tot), tot, 'tokens', '%.0fs' % (time.time() - t1), flush=True)
    del m
