"""Unit tests of the word language model builder and of the letter models of spellings (spelling.py):
/usr/bin/python3 -m unittest models.training.lm.test_lm (run by test/unit/training/lm-build.test.ts)."""
import lzma
import math
import os
import tempfile
import unittest
from unittest import mock

from . import lmfile
from . import build
from .build import Text, _arrays, build_language, count, read_text
from .ngram import Counts, Estimate, Pruned, discounts, fnv1a32, ngram_key
from .query import StoredModel, tokens
from . import spelling

SENTENCES = ['Šiandien labai gražus oras.', 'Šiandien labai šalta.', 'Vakar buvo labai gražus oras ir šilta.',
             'Rytoj bus gražus oras.', 'Mes einame namo. Jie eina namo.', 'Oras labai gražus.',
             'Labai gražus vakaras.', 'Rytoj bus šalta ir gražus oras.']


def estimate(sentences, min_unigram=1):
    text = Text('lt')
    text.add_lines(sentences, 'test')
    counts, words, _ = count(text, min_unigram)
    return Estimate(counts), counts, words


class Hashes(unittest.TestCase):
    def test_fnv1a32(self):
        # the published FNV-1a vectors, then UTF-8 letters (2, 3 and 4 bytes), shared with the TypeScript test
        for token, h in [('', 0x811C9DC5), ('a', 0xE40C292C), ('foobar', 0xBF9CF968), ('žmonės', 0x089AF256),
                         ('ếch', 0xA15CFCEC), ('𝔸', 0x215297DA), ('<s>', 0x0C707BD2)]:
            self.assertEqual(fnv1a32(token), h, token)

    def test_ngram_keys(self):
        h = [fnv1a32(w) for w in ['<s>', 'šiandien', 'labai']]
        self.assertEqual([ngram_key(h[:1]), ngram_key(h[:2]), ngram_key(h)], [0xF37E4769, 0xFB561EA1, 0x1DF38608])
        # the order is part of the key: the unigram of a hash is not the "bigram" of (order-1 mixing) lookalikes
        self.assertNotEqual(ngram_key([h[0]]), ngram_key([h[0], h[0]]))


class Discounts(unittest.TestCase):
    def test_modified_kneser_ney(self):
        # n1..n4 = 10, 5, 3, 2: Y = 10/20 = 0.5; D1 = 1 - 2*0.5*5/10, D2 = 2 - 3*0.5*3/5, D3 = 3 - 4*0.5*2/3
        counts = [1] * 10 + [2] * 5 + [3] * 3 + [4] * 2 + [9] * 7
        for got, want in zip(discounts(counts), [0.5, 1.1, 3 - 4 / 3]):
            self.assertAlmostEqual(got, want)

    def test_degenerate_data_falls_back_to_one_discount(self):
        self.assertEqual(discounts([1, 1, 2]), [0.5, 0.5, 0.5])  # Y = 2/(2+2); no threes: D2 and D3 fall back
        self.assertEqual(discounts([5, 7]), [0.5, 0.5, 0.5])  # no singletons: 0.5


class KneserNey(unittest.TestCase):
    def test_distributions_sum_to_one(self):
        est, counts, words = estimate(SENTENCES)
        ids = {w: i for i, w in enumerate(words)}
        contexts = [('<s>', '<s>'), ('<s>', 'šiandien'), ('šiandien', 'labai'), ('labai', 'gražus'),
                    ('gražus', 'oras'), ('oras', 'labai'), ('namo', 'jie'), ('<unk>', '<unk>')]
        for t2, t3 in [(1, 1), (1, 2), (2, 2), (2, 3)]:
            pr = Pruned(est, t2, t3)
            self.assertEqual(pr.clamped, 0)
            for u, v in contexts:
                total = sum(pr.prob(ids[u], ids[v], w) for w in range(1, counts.V))
                self.assertAlmostEqual(total, 1.0, places=9, msg='%s %s at t2 %d t3 %d' % (u, v, t2, t3))

    def test_continuation_counts_decide_the_unigrams(self):
        # "francisco" is frequent but only ever follows "san"; "kitten" is rarer but follows many words
        lines = ['san francisco'] * 8 + ['a kitten', 'the kitten', 'my kitten', 'one kitten']
        est, counts, words = estimate(lines)
        ids = {w: i for i, w in enumerate(words)}
        self.assertGreater(counts.c1[ids['francisco']], counts.c1[ids['kitten']])
        self.assertLess(est.p1[ids['francisco']], est.p1[ids['kitten']])

    def test_pruning_drops_rare_ngrams_and_keeps_prefixes(self):
        est, counts, words = estimate(SENTENCES)
        pr = Pruned(est, 2, 2)
        V = counts.V
        self.assertTrue(all(counts.c3[k] >= 2 for k in pr.p3))
        self.assertTrue(all(counts.c2[k] >= 2 for k in pr.p2))
        self.assertTrue(all(k // V in pr.p2 and k % (V * V) in pr.p2 for k in pr.p3))
        self.assertLess(len(pr.p3), len(counts.c3))

    def test_rare_words_become_unk(self):
        est, counts, words = estimate(SENTENCES, min_unigram=2)
        self.assertNotIn('vakar', words)  # seen once
        self.assertIn('gražus', words)
        self.assertGreater(counts.c1[2], 0)  # <unk> has counts of its own


class FileFormat(unittest.TestCase):
    def test_round_trip_and_damage(self):
        orders = [([1, 5, 9], [0, 20, 255], [0, 3, 1]), ([2, 3], [7, 8], [0, 0]), ([4], [40], None)]
        raw = lmfile.pack({'lang': 'lt'}, orders)
        header, got = lmfile.unpack(raw)
        self.assertEqual(header['counts'], [3, 2, 1])
        self.assertEqual([(list(k), list(lp), bo and list(bo)) for k, lp, bo in got],
                         [(k, lp, bo) for k, lp, bo in orders])
        self.assertEqual(len(raw) % 4, 0)
        for bad in (raw[:-4], raw + b'\0\0\0\0', b'OGLX' + raw[4:], raw[:10]):
            with self.assertRaises(ValueError):
                lmfile.unpack(bad)

    def test_quantization(self):
        for log10, q in [(0.0, 0), (-0.024, 0), (-0.026, 1), (-1.0, 20), (-30.0, 255), (0.3, 0)]:
            self.assertEqual(lmfile.quantize(log10), q)

    def test_colliding_keys_keep_the_most_frequent(self):
        keys, logp, backoff, lost = _arrays([(7, -2, 10, 1), (3, -1, 5, 0), (7, -9, 20, 2)])
        self.assertEqual((keys, list(logp), list(backoff), lost), ([3, 7], [5, 20], [0, 2], 1))


class Build(unittest.TestCase):
    def test_laws_capped_at_the_rest_of_the_text(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, 'corpus'))
            with open(os.path.join(d, 'corpus', 'lt.train.txt'), 'w', encoding='utf-8') as f:
                f.write('\n'.join(SENTENCES) + '\n')  # 36 words
            with lzma.open(os.path.join(d, 'lt.laws.txt.xz'), 'wt', encoding='utf-8') as f:
                f.write('Įstatymas nustato tvarką ir terminus.\n' * 100)
            with lzma.open(os.path.join(d, 'lt.other.unclear.txt.xz'), 'wt', encoding='utf-8') as f:
                f.write('Neaiški licencija.\n')
            text = read_text('lt', d, d)
            by = {s['name']: s['tokens'] for s in text.sources}
            self.assertEqual(set(by), {'corpus/lt.train.txt', 'corpus-more/lt.laws.txt.xz'})
            self.assertEqual(by['corpus/lt.train.txt'], 36)
            self.assertEqual(by['corpus-more/lt.laws.txt.xz'], 35)  # 7 lines of 5 words: an 8th would pass 36

    def test_largest_file_per_language(self):
        # vi's LM may be larger (MAX_MB); --max-mb, when given, applies to every language
        for max_mb, expected in [(None, {'vi': 2 * 10 ** 7, 'lt': 8 * 10 ** 6}),
                                 (5.0, {'vi': 5 * 10 ** 6, 'lt': 5 * 10 ** 6})]:
            seen = {}

            def fake(lang, out_dir, data, more, min_unigram, min_count, max_bytes, ratio, suffix, whole_words, endings=False):
                seen[lang] = max_bytes
                return {}
            with tempfile.TemporaryDirectory() as d, mock.patch.object(build, 'build_language', fake):
                build.build_all(['vi', 'lt'], d, d, d, 2, 1, max_mb)
            self.assertEqual(seen, expected)

    def test_suffix_classes(self):
        whole = {'labai', 'ir'}
        for word, expected in [('labai', 'labai'), ('ir', 'ir'), ('gražus', '-žus'), ('oras', '-ras'),
                               ('į', '-į'), ('šilta', '-lta')]:
            self.assertEqual(build.suffix_class(word, whole, 3), expected, word)
        self.assertEqual(build.suffix_class('gražus', whole, 2), '-us')

    def test_suffix_letters_per_language(self):
        # two letters where three gained nothing (SUFFIX_LETTERS_BY_LANG); --suffix-letters applies to every language
        for letters, expected in [(None, {'pl': 2, 'cs': 3}), (4, {'pl': 4, 'cs': 4})]:
            seen = {}

            def fake(lang, out_dir, data, more, min_unigram, min_count, max_bytes, ratio, suffix, whole_words, endings=False):
                seen[lang] = suffix
                return {}
            with tempfile.TemporaryDirectory() as d, mock.patch.object(build, 'build_language', fake):
                build.build_all(['pl', 'cs'], d, d, d, 2, 1, suffix=True, suffix_letters=letters)
            self.assertEqual(seen, expected)

    def test_endings(self):
        # the last vowel run and the consonants after it, at most `letters` letters (wordEnding in ngram-model.ts)
        for word, letters, expected in [('testů', 3, 'ů'), ('nemovitých', 3, 'ých'), ('vlak', 3, 'ak'),
                                        ('novou', 3, 'ou'), ('nemovitost', 3, 'ost'), ('žmonės', 2, 'ės'),
                                        ('psst', 3, 'sst'), ('s', 3, 's'), ('ığı', 3, 'ı'), ('trường', 3, 'ờng')]:
            self.assertEqual(build.ending(word, letters), expected, word)
        whole = {'labai'}
        self.assertEqual(build.suffix_class('labai', whole, 3, endings=True), 'labai')
        self.assertEqual(build.suffix_class('gražūs', whole, 3, endings=True), '-ūs')

    def test_ending_models_have_their_own_file_and_letters(self):
        seen = {}

        def fake(lang, out_dir, data, more, min_unigram, min_count, max_bytes, ratio, suffix, whole_words, endings=False):
            seen[lang] = (suffix, endings, max_bytes)
            return {}
        with tempfile.TemporaryDirectory() as d, mock.patch.object(build, 'build_language', fake):
            build.build_all(['pl', 'cs'], d, d, d, 2, 1, suffix=True, endings=True)
            self.assertTrue(os.path.exists(os.path.join(d, 'ending-lms.json')))
        self.assertEqual(seen, {'pl': (3, True, 2 * 10 ** 6), 'cs': (3, True, 2 * 10 ** 6)})
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, 'corpus'))
            with open(os.path.join(d, 'corpus', 'lt.train.txt'), 'w', encoding='utf-8') as f:
                f.write('\n'.join(SENTENCES) + '\n')
            build_language('lt', d, d, d, 1, 1, 10 ** 6, suffix=3, whole_words=2, endings=True)
            self.assertFalse(os.path.exists(os.path.join(d, 'lt.sfx.br')))
            model = StoredModel(os.path.join(d, 'lt.end.br'))
            self.assertEqual(model.header['classes'], {'suffixLetters': 3, 'wholeWords': 2, 'endings': True})

    def test_suffix_model_keeps_the_most_frequent_words_whole(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, 'corpus'))
            with open(os.path.join(d, 'corpus', 'lt.train.txt'), 'w', encoding='utf-8') as f:
                f.write('\n'.join(SENTENCES) + '\n')
            info = build_language('lt', d, d, d, 1, 1, 10 ** 6, suffix=3, whole_words=2)
            self.assertFalse(os.path.exists(os.path.join(d, 'lt.lm.br')))
            model = StoredModel(os.path.join(d, 'lt.sfx.br'))
            self.assertEqual(model.header['classes'], {'suffixLetters': 3, 'wholeWords': 2})
            known = lambda t: model.word_hash(t) != model.unk  # noqa: E731
            # gražus (6 times) and labai (5, ahead of oras's 5 by the alphabet) stay whole; the rest become endings
            self.assertEqual([known(t) for t in ['labai', 'gražus', '-ras', '-lta', 'oras', '-žus']],
                             [True, True, True, True, False, False])
            self.assertEqual(info['vocabulary'], len(model.orders[0][0]))

    def test_stored_model_is_the_estimate_within_quantization(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, 'corpus'))
            with open(os.path.join(d, 'corpus', 'lt.train.txt'), 'w', encoding='utf-8') as f:
                f.write('\n'.join(SENTENCES) + '\n')
            build_language('lt', d, d, d, 1, 1, 10 ** 6)
            model = StoredModel(os.path.join(d, 'lt.lm.br'))
            est, counts, words = estimate(SENTENCES)
            pr = Pruned(est, 1, 1)
            ids = {w: i for i, w in enumerate(words)}
            for s in ['Šiandien labai gražus oras', 'Rytoj labai šalta', 'Nežinomas žodis oras']:
                toks = tokens(s, 'lt')
                exact, u, v = 0.0, 0, 0
                for w in [ids.get(t, 2) for t in toks] + [1]:
                    exact += math.log(pr.prob(u, v, w))
                    u, v = v, w
                # each word: at most three stored values, each within 0.025 of its log10
                bound = 3 * 0.025 * math.log(10) * (len(toks) + 1)
                self.assertLess(abs(model.sentence_log_prob(toks) - exact), bound, s)


class Spelling(unittest.TestCase):
    KEYS = ['labai', 'gražus', 'oras', 'siandien', 'salta', 'rytoj', 'vakaras', 'namo', 'einame', 'eina', 'mokykla',
            'buvo', 'silta', 'labas', 'vakar', 'namas']

    def model(self):
        return spelling.estimate(self.KEYS)

    def test_keys_are_lowercase_without_diacritics(self):
        for word, lang, key in [('Šiandien', 'lt', 'siandien'), ('IŞIK', 'tr', 'isik'), ('Żółć', 'pl', 'zolc')]:
            self.assertEqual(spelling.spelling_key(word, lang), key)

    def test_distributions_sum_to_one(self):
        prob, backoff, unknown = self.model()
        letters = sorted(prob[0]) + ['q']  # every letter seen, and one never seen
        for ctx in ['', 'a', 'la', 'lab', 'laba', spelling.BOS + 'na', 'zzz', spelling.BOS]:
            total = sum(spelling._backed_off(prob, backoff, ctx[-4:], c, 10 ** unknown) for c in letters)
            self.assertAlmostEqual(total, 1.0, places=9, msg=repr(ctx))

    def test_word_like_letters_score_higher(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, 'corpus'))
            with open(os.path.join(d, 'corpus', 'lt.train.txt'), 'w', encoding='utf-8') as f:
                f.write(' '.join(self.KEYS) + '\n')
            info = spelling.build_language('lt', d, d)
            self.assertEqual(info['types'], len(self.KEYS))
            model = spelling.StoredSpelling(os.path.join(d, 'lt.spell.br'))
            self.assertEqual(model.header['order'], spelling.ORDER)
            # an unseen word made of seen pieces against the same letters shuffled and a keyboard slip
            for good, bad in [('vakaras', 'vkaaras'), ('namas', 'nqmas'), ('labai', 'lbaai')]:
                self.assertGreater(model.log_prob(good), model.log_prob(bad), (good, bad))
            # the stored model is the estimate within quantization (per letter a probability and up to four backoffs)
            prob, backoff, unknown = self.model()
            for key in ['labai', 'vakarai', 'xyz']:
                s = spelling.BOS + key + spelling.EOS
                exact = sum(math.log(spelling._backed_off(prob, backoff, s[max(0, i - 4):i], s[i], 10 ** unknown))
                            for i in range(1, len(s)))
                self.assertLess(abs(model.log_prob(key) - exact), spelling.ORDER * 0.025 * math.log(10) * len(s), key)

    def test_spelled_model_keeps_diacritics_in_its_own_file(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, 'corpus'))
            with open(os.path.join(d, 'corpus', 'cs.train.txt'), 'w', encoding='utf-8') as f:
                f.write('Nováková a Svobodová, Dvořáková; nová hotová zdravá.\n')
            self.assertEqual(spelling.read_types('cs', d, spelled=True),
                             {'nováková', 'a', 'svobodová', 'dvořáková', 'nová', 'hotová', 'zdravá'})
            info = spelling.build_language('cs', d, d, spelled=True)
            self.assertEqual(info['types'], 7)
            self.assertFalse(os.path.exists(os.path.join(d, 'cs.spell.br')))
            model = spelling.StoredSpelling(os.path.join(d, 'cs.spelled.br'))
            self.assertEqual(model.header['kind'], 'spelled')
            # the ending "-ová" these words share, against the same letters without the diacritic
            for spelled, plain in [('parryová', 'parryova'), ('marková', 'markova')]:
                self.assertGreater(model.log_prob(spelled), model.log_prob(plain), spelled)


if __name__ == '__main__':
    unittest.main()
