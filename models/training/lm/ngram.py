"""Word trigram language model: hashing and interpolated modified Kneser-Ney estimation with count pruning.

The twin of electron/engine/lm/ngram-hash.ts (hashes) and ngram-model.ts (the query rule). Pure standard library:
n-grams are packed integers over word ids (bigram v*V + w, trigram (u*V + v)*V + w), counted in Counters.

Estimation (Chen & Goodman's interpolated modified Kneser-Ney, as KenLM does it):
- the highest order uses raw counts, lower orders "adjusted" counts: the number of distinct words seen before the
  n-gram, except n-grams that start with <s>, which have no left context and keep their raw count;
- three discounts per order from the counts of counts (n1..n4 of that order's counts);
- p_n(w | ctx) = (a(ctx w) - D(a)) / T(ctx) + gamma(ctx) p_{n-1}(w | ctx'), and the unigrams are interpolated with
  the uniform distribution over the vocabulary (<unk> included, <s> never predicted).
Pruning keeps bigrams and trigrams by raw count; each kept context's backoff weight is then recomputed so that
the pruned model's distribution still sums to one under the ARPA query rule (see query.py).
"""
import math
from collections import Counter

BOS, EOS, UNK = '<s>', '</s>', '<unk>'
FNV_OFFSET, FNV_PRIME = 0x811C9DC5, 0x01000193
GOLDEN = 0x9E3779B1
MASK = 0xFFFFFFFF


def fnv1a32(token: str) -> int:
    """FNV-1a 32-bit over the token's UTF-8 bytes (the word hash)."""
    h = FNV_OFFSET
    for b in token.encode('utf-8'):
        h = ((h ^ b) * FNV_PRIME) & MASK
    return h


def fmix32(k: int) -> int:
    """MurmurHash3's finaliser: spreads the combined word hashes over all 32 bits."""
    k ^= k >> 16
    k = (k * 0x85EBCA6B) & MASK
    k ^= k >> 13
    k = (k * 0xC2B2AE35) & MASK
    k ^= k >> 16
    return k


def ngram_key(hashes) -> int:
    """The stored key of an n-gram given its word hashes (n = len(hashes)); the order is part of the key."""
    k = len(hashes)
    for h in hashes:
        k = ((k ^ h) * GOLDEN) & MASK
    return fmix32(k)


def discounts(counts) -> list:
    """Modified Kneser-Ney discounts [D1, D2, D3+] from an iterable of counts.

    Y = n1 / (n1 + 2 n2); Dk = k - (k + 1) Y n_{k+1} / n_k. Tiny or degenerate data (a missing n_k, a discount
    outside (0, k)) falls back to the single discount Y (or 0.5 when there are no singletons or doubletons).
    """
    n = Counter(c for c in counts if 0 < c <= 4)
    n1, n2, n3, n4 = n[1], n[2], n[3], n[4]
    y = n1 / (n1 + 2 * n2) if n1 > 0 and n2 > 0 else 0.5
    out = []
    for k, (nk, nk1) in enumerate(((n1, n2), (n2, n3), (n3, n4)), start=1):
        d = k - (k + 1) * y * nk1 / nk if nk > 0 else y
        out.append(d if 0 < d < k else y)
    return out


def _discount(c, d):
    return d[0] if c == 1 else d[1] if c == 2 else d[2]


class Counts:
    """Raw counts of one language's sentences over word ids (0 <s>, 1 </s>, 2 <unk>, 3.. words)."""

    def __init__(self, vocab_size: int):
        self.V = vocab_size
        self.c1 = Counter()
        self.c2 = Counter()
        self.c3 = Counter()

    def add(self, ids):
        """One sentence's word ids, without <s> and </s>."""
        s = [0] + list(ids) + [1]
        V = self.V
        self.c1.update(s[1:])
        b = [x * V + y for x, y in zip(s, s[1:])]
        self.c2.update(b)
        self.c3.update([x * V + y for x, y in zip(b, s[2:])])


class Estimate:
    """The unpruned interpolated model: p1 per id, p2 per bigram, p3 computed on demand for kept trigrams, and the
    interpolation weights g2 (per context word) and g3 (per context bigram)."""

    def __init__(self, counts: Counts):
        V = self.V = counts.V
        VV = V * V
        self.counts = counts
        c2, c3 = counts.c2, counts.c3
        # Adjusted counts of the lower orders: distinct left extensions; raw counts after <s>.
        a2 = Counter()
        for k in c3:
            a2[k % VV] += 1
        for k, c in c2.items():
            if k // V == 0:
                a2[k] = c
        a1 = [0] * V
        for k in c2:
            a1[k % V] += 1
        a1[0] = 0  # <s> is never predicted
        self.d = [discounts(a1), discounts(a2.values()), discounts(c3.values())]
        # Unigrams, interpolated with the uniform distribution over the V - 1 predictable ids.
        d1 = self.d[0]
        total = sum(a1)
        gamma0 = sum(_discount(a, d1) for a in a1 if a > 0) / total
        self.p1 = [((a - _discount(a, d1)) / total if a > 0 else 0.0) + gamma0 / (V - 1) for a in a1]
        self.p1[0] = 0.0
        # Bigrams: per context v, the total and the discount mass.
        self.p2, self.g2 = self._interpolate(a2, self.d[1], lambda k: self.p1[k % V])
        # Trigram contexts' totals and discount mass (the trigram probabilities are made for kept ones only).
        self.t3, self.g3 = self._context_stats(c3, self.d[2])

    def _context_stats(self, counts, d):
        V = self.V
        tot, mass = Counter(), Counter()
        for k, c in counts.items():
            ctx = k // V
            tot[ctx] += c
            mass[ctx] += _discount(c, d)
        return tot, {ctx: mass[ctx] / t for ctx, t in tot.items()}

    def _interpolate(self, counts, d, lower):
        tot, gamma = self._context_stats(counts, d)
        V = self.V
        out = {}
        for k, c in counts.items():
            ctx = k // V
            out[k] = (c - _discount(c, d)) / tot[ctx] + gamma[ctx] * lower(k)
        return out, gamma

    def p3(self, k: int) -> float:
        V = self.V
        c = self.counts.c3[k]
        ctx = k // V
        return (c - _discount(c, self.d[2])) / self.t3[ctx] + self.g3[ctx] * self.p2[k % (V * V)]


def _backoff(num, den):
    # All of a context's continuations kept: nothing is left to back off with (and nothing is asked of it).
    return num / den if den > 1e-12 and num > 0 else 1.0


class Pruned:
    """The kept n-grams with their interpolated probabilities and the renormalised backoff weights.

    Keeps every unigram, bigrams with raw count >= t2 and trigrams with raw count >= t3 (t2 <= t3, so each kept
    trigram's context and suffix bigrams are kept too: their raw counts are at least the trigram's).
    """

    def __init__(self, est: Estimate, t2: int, t3: int):
        assert t2 <= t3
        V = self.V = est.V
        VV = V * V
        c2, c3 = est.counts.c2, est.counts.c3
        self.p1 = est.p1
        self.p2 = {k: est.p2[k] for k, c in c2.items() if c >= t2}
        self.p3 = {k: est.p3(k) for k, c in c3.items() if c >= t3}
        # b1(v) = (1 - sum of kept p2(v .)) / (1 - sum of p1 over the same words)
        num, den = Counter(), Counter()
        for k, p in self.p2.items():
            v = k // V
            num[v] += p
            den[v] += self.p1[k % V]
        self.b1 = [_backoff(1 - num[v], 1 - den[v]) if v in num else 1.0 for v in range(V)]
        num, den = Counter(), Counter()
        for k, p in self.p3.items():
            ctx = k // V
            num[ctx] += p
            den[ctx] += self.q2(k % VV)
        self.b2 = {k: (_backoff(1 - num[k], 1 - den[k]) if k in num else 1.0) for k in self.p2}
        self.clamped = sum(1 for b in self.b1 if b > 1) + sum(1 for b in self.b2.values() if b > 1)

    def q2(self, k: int) -> float:
        """P(w | v) under the pruned model (k = v*V + w)."""
        p = self.p2.get(k)
        return p if p is not None else self.b1[k // self.V] * self.p1[k % self.V]

    def prob(self, u: int, v: int, w: int) -> float:
        """P(w | u v) by the query rule, unquantized (u, v may be <s>)."""
        V = self.V
        p = self.p3.get((u * V + v) * V + w)
        if p is not None:
            return p
        return self.b2.get(u * V + v, 1.0) * self.q2(v * V + w)


def log10_or_floor(p: float, floor: float = -99.0) -> float:
    return math.log10(p) if p > 0 else floor
