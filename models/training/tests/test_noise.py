"""Tests of models/training/noise.py: the shared vectors, hand-written examples, the tables themselves.

    /usr/bin/python3 models/training/tests/test_noise.py
"""
from __future__ import annotations

import json
import random
import sys
import unicodedata
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "models" / "training"))
import noise  # noqa: E402

VECTORS = json.loads((ROOT / "test" / "fixtures" / "noise-vectors.json").read_text(encoding="utf-8"))
STRIP = noise.TABLES["strip"]

STRIP_EXAMPLES = [
    ("lt", "Šiandien labai gražus oras", "Siandien labai grazus oras"),
    ("ro", "Ștefan și Țara", "Stefan si Tara"),
    ("ro", "Ştefan şi Ţara", "Stefan si Tara"),
    ("vi", "Tiếng Việt", "Tieng Viet"),
    ("tr", "İstanbul'da ağaç", "Istanbul'da agac"),
    ("tr", "IŞIK ışık", "ISIK isik"),
    ("pl", "Łódź, żółć", "Lodz, zolc"),
    ("hr", "Đurđevac", "Durdevac"),
    ("de", "Grüße aus Köln", "Gruße aus Koln"),
    ("is", "Þórður Guðmundsson", "Þordur Gudmundsson"),
    ("fr", "Cœur à l'été", "Cœur a l'ete"),
    ("en", "naïve café, Øresund", "naive cafe, Oresund"),
    ("lt", "ą\u0301žuolas", "azuolas"),
    ("cs", "Pr\u030ci\u0301klad", "Priklad"),
    ("en", "а\u0301 が", "а\u0301 が"),
]


def ops_of_single_letter(lang: str, letter: str) -> set[str]:
    """Every output one typo can make of a lone letter (no next letter: a swap becomes a substitution)."""
    near = noise._eligible(lang)[letter]
    return {""} | {letter + n for n in near} | set(near)


class SharedVectors(unittest.TestCase):
    def test_vectors_cover_every_language_and_edge_case(self):
        self.assertEqual({v["lang"] for v in VECTORS}, set(noise.LANGUAGES))
        inputs = [v["input"] for v in VECTORS]
        self.assertIn("", inputs)
        self.assertTrue(any(any(ord(c) > 0xFFFF for c in s) for s in inputs))
        self.assertTrue(any(unicodedata.normalize("NFC", s) != s for s in inputs))

    def test_python_reproduces_every_vector(self):
        for v in VECTORS:
            with self.subTest(input=v["input"], seed=v["seed"], p=v["p"]):
                stripped = noise.strip_diacritics(v["input"], v["lang"])
                self.assertEqual(stripped, v["expected_stripped"])
                self.assertEqual(noise.add_typos(v["input"], v["lang"], v["p"], v["seed"]), v["expected_typos"])
                self.assertEqual(noise.add_typos(stripped, v["lang"], v["p"], v["seed"]), v["expected_stripped_typos"])


class Strip(unittest.TestCase):
    def test_examples(self):
        for lang, text, want in STRIP_EXAMPLES:
            with self.subTest(text=text):
                self.assertEqual(noise.strip_diacritics(text, lang), want)

    def test_language_tables_hold_both_cases_and_ascii_bases(self):
        for lang, table in STRIP["languages"].items():
            for letter, base in table.items():
                with self.subTest(lang=lang, letter=letter):
                    self.assertEqual(len(letter), 1)
                    self.assertTrue(base.isascii() and base.isalpha() and len(base) == 1)
                    self.assertEqual(letter.isupper(), base.isupper())
                    # its other case is in the table too (ı/İ pair with each other)
                    other = {"ı": "İ", "İ": "ı"}.get(letter, letter.swapcase())
                    self.assertIn(other, table)
                    # the language tables agree with the generic table
                    self.assertEqual(STRIP["generic"][letter], base)

    def test_generic_table_is_what_unicode_gives(self):
        self.assertEqual(STRIP["generic"], noise.build_generic())

    def test_kept_letters(self):
        for lang in noise.LANGUAGES:
            for letter in STRIP["keep"]:
                self.assertNotIn(letter, noise.strip_map(lang))
                self.assertEqual(noise.strip_diacritics(letter, lang), letter)

    def test_vietnamese_has_every_tone_on_every_vowel(self):
        vi = STRIP["languages"]["vi"]
        for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
            for tone in "\u0300\u0301\u0309\u0303\u0323":
                self.assertIn(unicodedata.normalize("NFC", vowel + tone), vi)
        self.assertEqual(len(vi), 134)

    def test_idempotent_and_nfc(self):
        for v in VECTORS:
            once = noise.strip_diacritics(v["input"], v["lang"])
            self.assertEqual(noise.strip_diacritics(once, v["lang"]), once)
            self.assertEqual(unicodedata.normalize("NFC", once), once)

    def test_unknown_language(self):
        with self.assertRaises(ValueError):
            noise.strip_diacritics("abc", "xx")


class Partial(unittest.TestCase):
    TEXT = "Příliš žluťoučký kůň úpěl ďábelské ódy, ą\u0301žuolas. " * 40

    def test_extremes(self):
        nfc = unicodedata.normalize("NFC", self.TEXT)
        self.assertEqual(noise.strip_partially(self.TEXT, "cs", 1.0, random.Random(1)), nfc)
        self.assertEqual(noise.strip_partially(self.TEXT, "cs", 0.0, random.Random(1)), noise.strip_diacritics(self.TEXT, "cs"))

    def test_each_letter_kept_or_stripped_at_the_right_rate(self):
        src = unicodedata.normalize("NFC", "Příliš žluťoučký kůň úpěl ďábelské ódy. " * 100)
        out = noise.strip_partially(src, "cs", 0.3, random.Random(7))
        self.assertEqual(len(out), len(src))
        kept = stripped = 0
        for a, b in zip(src, out):
            if a in noise.strip_map("cs"):
                self.assertIn(b, (a, noise.strip_map("cs")[a]))
                kept += a == b
                stripped += a != b
            else:
                self.assertEqual(a, b)
        self.assertAlmostEqual(kept / (kept + stripped), 0.3, delta=0.04)
        self.assertEqual(out, noise.strip_partially(src, "cs", 0.3, random.Random(7)))

    def test_bad_keep_prob(self):
        with self.assertRaises(ValueError):
            noise.strip_partially("a", "cs", 1.5, random.Random(0))


class Typos(unittest.TestCase):
    def test_neighbours(self):
        self.assertEqual(noise.neighbours("en")["s"], list("adewxz"))
        self.assertEqual(noise.neighbours("de")["z"], list("ghtu"))  # QWERTZ
        self.assertEqual(noise.neighbours("fr")["a"], list("qz"))  # AZERTY
        self.assertEqual(noise.neighbours("tr")["i"], list("gjkosu"))  # the ı key and the i key
        self.assertEqual(noise.neighbours("is")["þ"], ["æ"])

    def test_p_zero_is_identity_and_seed_is_taken_mod_2_32(self):
        text = "Šiandien labai gražus oras"
        self.assertEqual(noise.add_typos(text, "lt", 0.0, 5), text)
        self.assertEqual(noise.add_typos(text, "lt", 0.5, -1), noise.add_typos(text, "lt", 0.5, 2**32 - 1))
        self.assertNotEqual(noise.add_typos(text, "lt", 0.5, 1), noise.add_typos(text, "lt", 0.5, 2))

    def test_one_letter_gets_one_of_the_four_typos(self):
        seen = set()
        for seed in range(200):
            out = noise.add_typos("s", "en", 1.0, seed)
            self.assertIn(out, ops_of_single_letter("en", "s"))
            seen.add(len(out))
        self.assertEqual(seen, {0, 1, 2})
        swaps = {noise.add_typos("ab", "en", 1.0, seed) for seed in range(200)}
        self.assertIn("ba", swaps)

    def test_case_kept_and_non_letters_untouched(self):
        out = noise.add_typos("ŠIANDIEN 12, ok!", "lt", 1.0, 3)
        self.assertEqual([c for c in out if not c.isalpha()], list(" 12, !"))
        self.assertTrue(all(c.isupper() for c in out.split(" ")[0]))

    def test_rate_and_mix_of_operations(self):
        # Letters between spaces: every typo shows in its own token (no letter to swap with: substitution).
        tokens = noise.add_typos("a " * 20000, "en", 0.1, 11).split(" ")[:-1]
        self.assertEqual(len(tokens), 20000)
        deleted = sum(t == "" for t in tokens)
        inserted = sum(len(t) == 2 for t in tokens)
        substituted = sum(len(t) == 1 and t != "a" for t in tokens)
        self.assertAlmostEqual((deleted + inserted + substituted) / 20000, 0.1, delta=0.01)
        self.assertAlmostEqual(deleted / 20000, 0.025, delta=0.005)
        self.assertAlmostEqual(inserted / 20000, 0.025, delta=0.005)
        self.assertAlmostEqual(substituted / 20000, 0.05, delta=0.007)

    def test_bad_arguments(self):
        for p in (-0.1, 1.5, float("nan")):
            with self.assertRaises(ValueError):
                noise.add_typos("abc", "en", p, 1)
        with self.assertRaises(TypeError):
            noise.add_typos("abc", "en", 0.1, 1.5)


if __name__ == "__main__":
    unittest.main()
