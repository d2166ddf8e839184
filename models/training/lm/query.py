"""Scores sentences with a stored .lm.br model exactly as electron/engine/lm/ngram-model.ts does (same hashes, same
quantized values, same order of float operations), so the TypeScript reader can be checked against it.

    /usr/bin/python3 -m models.training.lm.query models/lm/lt.lm.br --lang lt < sentences.txt
prints one JSON object per input line (one sentence per line): {"tokens": [...], "logProb": natural log}.
    /usr/bin/python3 -m models.training.lm.query models/lm/lt.lm.br --lang lt --perplexity data/corpus/lt.dev.txt
prints the perplexity of a text file (lines split into sentences as in training).

Query rule (log10, then times ln 10): P(w | u v) = p3(u v w) if stored, else b2(u v) + [p2(v w) if stored, else
b1(v) + p1(w)]; a missing backoff is 0; a word without a unigram is <unk>.
"""
import argparse
import json
import math
import sys
import unicodedata
from bisect import bisect_left

from ..corpus.text import ALPHA, split_sentences
from ..lexicon.build import lower
from . import lmfile
from .ngram import BOS, EOS, UNK, fnv1a32, ngram_key

LN10 = math.log(10)


def tokens(sentence: str, lang: str) -> list:
    """A sentence's words: letter runs, lowercased with the language's rule, NFC (lmTokens in TypeScript)."""
    # Joined and lowered at once: lowercasing never makes a space, and NFC never composes across one.
    joined = ' '.join(ALPHA.findall(unicodedata.normalize('NFC', sentence)))
    return unicodedata.normalize('NFC', lower(joined, lang)).split() if joined else []


def sentences(line: str) -> list:
    """The sentences of a corpus line (lines may hold several: the corpus packs short sentences together)."""
    return split_sentences(line)


class StoredModel:
    def __init__(self, path: str):
        with open(path, 'rb') as f:
            self.header, self.orders = lmfile.unpack(lmfile.decompress(f.read()))
        self.bos, self.eos, self.unk = fnv1a32(BOS), fnv1a32(EOS), fnv1a32(UNK)

    def _find(self, n: int, key: int) -> int:
        keys = self.orders[n - 1][0]
        i = bisect_left(keys, key)
        return i if i < len(keys) and keys[i] == key else -1

    def word_hash(self, token: str) -> int:
        h = fnv1a32(token)
        return h if self._find(1, ngram_key([h])) >= 0 else self.unk

    def log_prob(self, u: int, v: int, w: int) -> float:
        """ln P(w | u v) from word hashes."""
        i = self._find(3, ngram_key([u, v, w]))
        if i >= 0:
            return -self.orders[2][1][i] / 20 * LN10
        i = self._find(2, ngram_key([u, v]))
        bo2 = -self.orders[1][2][i] / 20 if i >= 0 else 0
        i = self._find(2, ngram_key([v, w]))
        if i >= 0:
            lp = -self.orders[1][1][i] / 20
        else:
            i = self._find(1, ngram_key([v]))
            bo1 = -self.orders[0][2][i] / 20 if i >= 0 else 0
            i = self._find(1, ngram_key([w]))
            if i < 0:
                i = self._find(1, ngram_key([self.unk]))
            lp = bo1 + -self.orders[0][1][i] / 20
        return (bo2 + lp) * LN10

    def sentence_log_prob(self, words) -> float:
        """ln P(words </s> | <s>) for a sentence's tokens (already lowercased)."""
        u, v = self.bos, self.bos
        total = 0.0
        for h in [self.word_hash(t) for t in words] + [self.eos]:
            total += self.log_prob(u, v, h)
            u, v = v, h
        return total


def perplexity(score_sentence, lines, lang: str) -> dict:
    """{perplexity, tokens (predicted: words + </s>), sentences}; score_sentence(words) -> natural log."""
    total, n, count = 0.0, 0, 0
    for line in lines:
        for s in sentences(line.rstrip('\n')):
            words = tokens(s, lang)
            if not words:
                continue
            total += score_sentence(words)
            n += len(words) + 1
            count += 1
    return {'perplexity': round(math.exp(-total / n), 3) if n else None, 'tokens': n, 'sentences': count}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('model')
    ap.add_argument('--lang', required=True)
    ap.add_argument('--perplexity', metavar='TEXT', help='print the perplexity of this file instead')
    args = ap.parse_args()
    model = StoredModel(args.model)
    if args.perplexity:
        with open(args.perplexity, encoding='utf-8') as f:
            print(json.dumps(perplexity(model.sentence_log_prob, f, args.lang)))
        return
    for line in sys.stdin:
        words = tokens(line.rstrip('\n'), args.lang)
        print(json.dumps({'tokens': words, 'logProb': model.sentence_log_prob(words)}, ensure_ascii=False))


if __name__ == '__main__':
    main()
