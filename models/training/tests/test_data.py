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
from data import MAX_LAWS_SHARE, Mixture, load_corpus, make_pair  # noqa: E402

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


if __name__ == "__main__":
    unittest.main()
