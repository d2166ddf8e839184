"""Unit tests of the diacritics tagger's alphabet and training windows: /usr/bin/python3 -m unittest models.training.tagger.test_tagger"""
import random
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import torch  # noqa: E402

import json  # noqa: E402

from alphabet import allowed, apply_class, char_id, classes, fold, tables_json, target_class  # noqa: E402
from network import Tagger, TaggerConfig  # noqa: E402
from windows import IGNORE, allowed_masks, encode_example  # noqa: E402


class Alphabet(unittest.TestCase):
    def test_classes_turn_typed_letters_back_into_gold_letters(self):
        table = [  # typed, gold, written back
            ('a', 'ą', 'ą'), ('A', 'Ą', 'Ą'), ('e', 'ė', 'ė'), ('s', 'š', 'š'), ('a', 'a', 'a'),
            ('I', 'İ', 'İ'), ('i', 'ı', 'ı'), ('a', 'ặ', 'ặ'), ('A', 'Ặ', 'Ặ'),
        ]
        for typed, gold, want in table:
            self.assertEqual(apply_class(typed, target_class(typed, gold)), want, (typed, gold))

    def test_only_the_languages_own_letters_are_allowed(self):
        lt = allowed('lt')
        self.assertEqual([classes()[c] for c in lt[char_id('e')]], ['ė', 'ę'])  # code point order
        self.assertNotIn(char_id('o'), lt)  # Lithuanian has no o with a diacritic
        self.assertEqual(allowed('en'), {})
        self.assertEqual(len(allowed('vi')[char_id('o')]), 17)  # ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ

    def test_tagger_json_offers_only_the_trained_languages(self):
        self.assertEqual(list(json.loads(tables_json(['lt']))['allowed']), ['lt'])
        self.assertEqual(len(json.loads(tables_json())['allowed']), 20)

    def test_fold_keeps_one_code_point(self):
        self.assertEqual([fold(c) for c in 'ĄİŞ'], ['ą', 'İ', 'ş'])


class Windows(unittest.TestCase):
    def test_targets_mark_only_letters_with_a_choice(self):
        ids, targets = encode_example('Gražūs orai, ką?', 'Grazus orai, ka?', 'lt')
        self.assertEqual(len(ids), 16)
        got = {i: classes()[t] if t else 'KEEP' for i, t in enumerate(targets) if t != IGNORE}
        # G r [a z u s] _ o r [a i] , _ k [a] ?  (lt has variants of a c e i s u z only)
        self.assertEqual(got, {2: 'KEEP', 3: 'ž', 4: 'ū', 5: 'KEEP', 9: 'KEEP', 10: 'KEEP', 14: 'ą'})

    def test_a_foreign_gold_letter_is_not_a_target(self):
        _, targets = encode_example('café', 'cafe', 'lt')
        self.assertEqual(targets[3], IGNORE)
        # Hungarian o may become ó ö ő, but ō is no language's letter here: no class at all (was a KeyError)
        _, targets = encode_example('Tōkyō', 'Tokyo', 'hu')
        self.assertEqual(targets, [IGNORE, IGNORE, IGNORE, IGNORE, IGNORE])


class Network(unittest.TestCase):
    def test_cpu_training_gradients_are_those_of_float64(self):
        # Debian's torch 1.13 oneDNN conv1d backward gave the convolution gradients 10^5-10^6 times too large
        # (accel.exact_cpu_gradients); train.py turns it off, and the gradients must then be float64's.
        from accel import exact_cpu_gradients
        enabled = torch.backends.mkldnn.enabled
        try:
            exact_cpu_gradients()
            torch.manual_seed(0)
            model = Tagger(TaggerConfig(d_model=64, n_heads=2, d_ff=128, layers=1))
            ids, lang = torch.randint(1, 300, (8, 100)), torch.zeros(8, dtype=torch.long)
            grads = []
            for dtype in (torch.float32, torch.float64):
                model.to(dtype).zero_grad()
                (model(ids, lang) ** 2).mean().backward()
                grads.append({n: p.grad.double() for n, p in model.named_parameters()})
            for name in ('conv.weight', 'embed.weight', 'lang.weight'):
                self.assertTrue(torch.allclose(grads[0][name], grads[1][name], rtol=1e-3, atol=1e-7), name)
        finally:
            torch.backends.mkldnn.enabled = enabled

    def test_masked_logits_allow_only_the_letters_choices(self):
        torch.manual_seed(0)
        model = Tagger(TaggerConfig(d_model=32, n_heads=2, d_ff=64, layers=1)).eval()
        ids = torch.tensor([[char_id(c) for c in 'zmones']])
        logits = model(ids, torch.tensor([0]))
        self.assertEqual(tuple(logits.shape), (1, 6, len(classes())))
        masked = logits.masked_fill(~allowed_masks()[0][ids], float('-inf'))
        choices = [int((masked[0, i] > float('-inf')).sum()) for i in range(6)]
        self.assertEqual(choices, [2, 1, 1, 1, 3, 2])  # z/ž, m, o, n, e/ę/ė, s/š


if __name__ == '__main__':
    unittest.main()
