"""The byte model's training text (data.py): which files a language reads, and the statutes' share of the draws.

    /usr/bin/python3 -m unittest models.training.tests.test_data
"""
from __future__ import annotations

import random
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "models" / "training"))
from data import MAX_LAWS_SHARE, Mixture, TextTable, load_corpus, make_pair  # noqa: E402

EVERYDAY = "Šiandien labai gražus oras."
STATUTE = "Įstatymas įsigalioja kitą dieną po jo oficialaus paskelbimo."


def corpus_with(files: dict[str, list[str]]):
    tmp = tempfile.TemporaryDirectory()
    for name, lines in files.items():
        path = Path(tmp.name) / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (Path(tmp.name) / "words").mkdir(exist_ok=True)
    return tmp, load_corpus(Path(tmp.name), "train", langs=["lt"])


class LawsShareTest(unittest.TestCase):
    def test_files_and_shares(self):
        # (files, sentences, statutes, laws share)
        cases = [
            ({"lt.train.txt": [EVERYDAY] * 10}, 10, 0, 0.0),
            ({"lt.train.txt": [EVERYDAY] * 10, "lt.more.txt": [EVERYDAY] * 5}, 15, 0, 0.0),
            ({"lt.train.txt": [EVERYDAY] * 10, "lt.laws.txt": [STATUTE] * 1000}, 10, 1000, MAX_LAWS_SHARE),
            ({"lt.train.txt": [EVERYDAY] * 100, "lt.laws.txt": [STATUTE] * 10}, 100, 10,
             10 * len(STATUTE) / (10 * len(STATUTE) + 100 * len(EVERYDAY))),
            ({"lt.laws.txt": [STATUTE] * 10}, 0, 10, 1.0),
        ]
        for files, n_sentences, n_laws, share in cases:
            tmp, corpus = corpus_with(files)
            with tmp:
                self.assertEqual(len(corpus.sentences["lt"]), n_sentences, files.keys())
                self.assertEqual(len(corpus.laws["lt"]), n_laws, files.keys())
                self.assertAlmostEqual(corpus.laws_share["lt"], share, places=6)

    def test_statutes_are_at_most_half_of_the_draws(self):
        tmp, corpus = corpus_with({"lt.train.txt": [EVERYDAY] * 10, "lt.laws.txt": [STATUTE] * 1000})
        with tmp:
            rng = random.Random(0)
            mix = Mixture(word_share=0.0)
            drawn = [make_pair(rng, corpus, "lt", mix)[1] for _ in range(2000)]
        laws = sum(1 for text in drawn if text == STATUTE) / len(drawn)
        self.assertGreater(laws, 0.45)
        self.assertLess(laws, 0.55)


class TextTableTest(unittest.TestCase):
    LINES = ["Šiandien labai gražus oras.", "Rytoj lis.", "Tiếng Việt có dấu.", "x"]

    def test_reads_like_the_list_it_was_made_from(self):
        table = TextTable(self.LINES)
        # (index or slice, expected)
        cases = [(0, self.LINES[0]), (2, self.LINES[2]), (-1, "x"), (slice(1, 3), self.LINES[1:3]),
                 (slice(None, None, -2), self.LINES[::-2]), (slice(5, 9), [])]
        for key, expected in cases:
            self.assertEqual(table[key], expected, key)
        self.assertEqual((len(table), list(table), bool(TextTable([]))), (4, self.LINES, False))
        for bad in (4, -5):
            with self.assertRaises(IndexError):
                table[bad]

    def test_draws_what_the_list_draws(self):
        table = TextTable(self.LINES)
        def draws(pool):
            rng = random.Random(7)
            return [rng.choice(pool) for _ in range(20)]
        self.assertEqual(draws(table), draws(self.LINES))
        self.assertEqual(set(draws(table)), set(self.LINES))


if __name__ == "__main__":
    unittest.main()
